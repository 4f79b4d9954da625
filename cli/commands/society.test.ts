import { societyConfigPath, userPath } from "./society.js";

// The English texts are asserted, whatever the machine's locale.
process.env.LC_ALL = "C.UTF-8";

test.each([
  // [what the admin typed, INIT_CWD, cwd, the file read]
  ["society.yaml", "/home/admin/kenpo", "/opt/kenpo-keycloak", "/home/admin/kenpo/society.yaml"],
  ["../etc/society.yaml", "/home/admin/kenpo", "/opt/kenpo-keycloak", "/home/admin/etc/society.yaml"],
  ["/etc/kenpo/society.yaml", "/home/admin", "/opt/kenpo-keycloak", "/etc/kenpo/society.yaml"],
  ["society.yaml", undefined, "/opt/kenpo-keycloak", "/opt/kenpo-keycloak/society.yaml"],
])("userPath(%j) from INIT_CWD %j, cwd %j = %j", (typed, initCwd, cwd, expected) => {
  expect(userPath(typed, initCwd === undefined ? {} : { INIT_CWD: initCwd }, cwd)).toBe(expected);
});

test.each([
  [{ config: "a.yaml" }, { KENPO_CONFIG: "/etc/b.yaml" }, "/work/a.yaml"],
  [{}, { KENPO_CONFIG: "/etc/b.yaml" }, "/etc/b.yaml"],
  [{}, { KENPO_CONFIG: "b.yaml", INIT_CWD: "/home/admin" }, "/home/admin/b.yaml"],
])("societyConfigPath(%j, %j) = %j", (opts, env, expected) => {
  expect(societyConfigPath(opts, env, "/work")).toBe(expected);
});

test("no --config and no KENPO_CONFIG: refused, saying how to choose, never the demo", () => {
  expect(() => societyConfigPath({}, {}, "/work")).toThrow(/--config FILE or set KENPO_CONFIG/);
});
