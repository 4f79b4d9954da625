import { memberFacingUrl } from "./member-url.js";

describe("memberFacingUrl", () => {
  test("loopback addresses become localhost, keeping port and path", () => {
    expect(memberFacingUrl("http://127.0.0.1:8080")).toBe("http://localhost:8080");
    expect(memberFacingUrl("http://[::1]:8443/auth/")).toBe("http://localhost:8443/auth");
  });

  test("real host names and other addresses are left alone", () => {
    expect(memberFacingUrl("https://login.example-kenpo.jp")).toBe("https://login.example-kenpo.jp");
    expect(memberFacingUrl("http://10.0.0.5:8080")).toBe("http://10.0.0.5:8080");
  });
});
