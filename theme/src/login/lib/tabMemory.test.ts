import { rememberDeviceName, rememberNewUserId, typedDeviceName, userIdChangedTo } from "./tabMemory";

describe("what this tab remembers for later pages of the login", () => {
  beforeEach(() => window.sessionStorage.clear());

  it.each([
    ["ＮＥＷ.ＩＤ", "new.id", true],
    [" New.Id ", "new.id", true],
    ["new.id", "old.id", false],
    ["", "old.id", false],
  ])("⑤ posted %j, the member is now %s: changed %s", (typed, username, expected) => {
    rememberNewUserId(typed);
    expect(userIdChangedTo(username)).toBe(expected);
  });

  it("knows nothing when ⑤ was not posted in this tab", () => {
    expect(userIdChangedTo("new.id")).toBe(false);
  });

  it("keeps the typed device name, and forgets an empty one", () => {
    rememberDeviceName("妻のiPhone");
    expect(typedDeviceName()).toBe("妻のiPhone");
    rememberDeviceName("");
    expect(typedDeviceName()).toBeNull();
  });
});
