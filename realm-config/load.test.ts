import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import { ConfigError, editDistance, loadSocietyConfig, nearestKeys, parseSocietyConfig } from "./load.js";

// The English texts are asserted, whatever the machine's locale.
process.env.LC_ALL = "C.UTF-8";

const demoFile = new URL("./societies/demo.yaml", import.meta.url).pathname;
const demo = parse(readFileSync(demoFile, "utf8")) as Record<string, unknown>;
const client0 = () => (demo.portalClients as Record<string, unknown>[])[0]!;

test("the shipped demo config is valid and fills defaults", () => {
  const config = loadSocietyConfig(demoFile);
  expect(config.realm).toBe("kenpo-demo");
  expect(config.policies.maxLoginFailures).toBe(5);
  expect(config.portalClients[0]?.clientId).toBe("member-portal");
});

test.each([
  [{ realm: "Bad Realm" }, /^ {2}realm: .*\(got "Bad Realm"\)/m],
  [{ societyName: { ja: "健保" } }, /societyName\.en: /],
  [{ policies: { passwordMinLength: 4 } }, /policies\.passwordMinLength: .*\(got 4\)/],
  [{ portalClients: [] }, /portalClients: /],
  [{ unknownKey: 1 }, /unknownKey|Unrecognized key/],
  [{ smtp: { host: "x", port: 70000, from: "a@b.test" } }, /smtp\.port: .*\(got 70000\)/],
  [
    { portalClients: [{ ...client0(), allowWildcardRedirects: false }] },
    /portalClients\[0\]\.redirectUris\[0\]: a wildcard needs allowWildcardRedirects: true .*\(got "http:\/\/localhost:5173\/\*"\)/,
  ],
  [
    { portalClients: [{ ...client0(), postLogoutRedirectUris: ["https://a.example/*/x"] }] },
    /portalClients\[0\]\.postLogoutRedirectUris\[0\]: wildcards are only allowed as a trailing \/\*/,
  ],
  [{ portalClients: [client0(), client0()] }, /portalClients\[1\]\.clientId: clientId member-portal is listed twice/],
  [
    { portalClients: [{ ...client0(), clientId: "account" }] },
    /portalClients\[0\]\.clientId: must not be one of Keycloak's own clients/,
  ],
  [
    { portalClients: [{ ...client0(), confidential: { secret: "in-the-file" } }] },
    /portalClients\[0\]\.confidential: unknown key "secret" — did you mean "secretEnv" or "secretFile"\?/,
  ],
  [
    { portalClients: [{ ...client0(), confidential: { secretEnv: "A", secretFile: "/b" } }] },
    /portalClients\[0\]\.confidential: give exactly one of secretEnv, secretFile or jwksUrl/,
  ],
  [
    { portalClients: [{ ...client0(), confidential: { secretFile: "secret.txt" } }] },
    /portalClients\[0\]\.confidential\.secretFile: an absolute path/,
  ],
])("an invalid config names the field: %j", (patch, message) => {
  expect(() => parseSocietyConfig({ ...demo, ...patch }, "society.yaml")).toThrow(ConfigError);
  expect(() => parseSocietyConfig({ ...demo, ...patch }, "society.yaml")).toThrow(message);
});

test("unreadable and non-YAML files get their own clear errors", () => {
  const dir = mkdtempSync(join(tmpdir(), "kenpo-config-"));
  expect(() => loadSocietyConfig(join(dir, "missing.yaml"))).toThrow(/cannot read .*missing\.yaml/);
  writeFileSync(join(dir, "broken.yaml"), "realm: [unclosed");
  expect(() => loadSocietyConfig(join(dir, "broken.yaml"))).toThrow(/not valid YAML/);
});

/** The one line about `path` in the error for the demo config with `patch` applied at top level. */
function problem(patch: Record<string, unknown>): string {
  try {
    parseSocietyConfig({ ...demo, ...patch }, "society.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("the config was accepted");
}

const smtp = { host: "127.0.0.1", port: 2525, from: "no-reply@kenpo-demo.example" };
const SMTP_KEYS = "(keys here: host, port, from, fromDisplayName, ssl, starttls, userEnv, passwordEnv)";

test.each([
  [
    { smtp: { ...smtp, user: "mailer" } },
    `  smtp: unknown key "user" — did you mean "userEnv"? userEnv is the name of an environment variable holding the user, not the user itself ${SMTP_KEYS}`,
  ],
  [
    { smtp: { ...smtp, auth: true } },
    `  smtp: unknown key "auth" — SMTP authentication is userEnv + passwordEnv: names of environment variables holding the user and password ${SMTP_KEYS}`,
  ],
  [
    { smtp: { ...smtp, password: "hunter2" } },
    `  smtp: unknown key "password" — did you mean "passwordEnv"? passwordEnv is the name of an environment variable holding the password, not the password itself ${SMTP_KEYS}`,
  ],
  [
    { smtp: { ...smtp, fromDisplayNme: "x" } },
    `  smtp: unknown key "fromDisplayNme" — did you mean "fromDisplayName"? ${SMTP_KEYS}`,
  ],
  [
    { policies: { sessionIdleMinutes: 30 } },
    /^ {2}policies: unknown key "sessionIdleMinutes" — did you mean "ssoIdleMinutes"\? \(keys here: passwordMinLength, .*\)$/m,
  ],
  [{ policies: { ssoMaxHour: 8 } }, /^ {2}policies: unknown key "ssoMaxHour" — did you mean "ssoMaxHours"\?/m],
  [
    { policy: {} },
    /^ {2}\(top level\): unknown key "policy" — did you mean "policies"\? \(keys here: realm, societyName, .*, server\)$/m,
  ],
  [{ realms: "x" }, /^ {2}\(top level\): unknown key "realms" — did you mean "realm"\?/m],
  [{ server: { uri: "http://x" } }, `  server: unknown key "uri" — did you mean "url"? (keys here: url)`],
  [{ policies: { zzz: 1 } }, /^ {2}policies: unknown key "zzz" \(keys here: /m],
  [{ smtp: { ...smtp, constructor: 1 } }, `  smtp: unknown key "constructor" ${SMTP_KEYS}`],
])("an unknown key is named with its path and the nearest valid keys: %j", (patch, line) => {
  const message = problem(patch);
  if (typeof line === "string") expect(message.split("\n")).toContain(line);
  else expect(message).toMatch(line);
});

test("an unknown key inside a list entry names the entry", () => {
  const clients = demo.portalClients as Record<string, unknown>[];
  const message = problem({ portalClients: [{ ...clients[0], redirectUri: "x" }] });
  expect(message).toMatch(
    /^ {2}portalClients\[0\]: unknown key "redirectUri" — did you mean "redirectUris"\? \(keys here: clientId, /m,
  );
});

test("the whole config is never printed back: only scalars, cut at 80 characters", () => {
  const unknownTop = problem({ unknownKey: { nested: "secret-ish" } });
  expect(unknownTop).not.toContain("kenpo-demo");
  expect(unknownTop).not.toContain("(got");
  expect(problem({ smtp: "mail.example" })).toMatch(/^ {2}smtp: .*\(got "mail\.example"\)$/m);
  expect(problem({ smtp: ["a", "b"] })).not.toContain("(got");
  const long = problem({ helpDesk: "x".repeat(300) });
  expect(long).toContain(` (got "${"x".repeat(78)}…)`);
  expect(long).not.toContain("x".repeat(80));
});

test("a missing key and an unquoted number say so; every error ends with the reference", () => {
  const { portalUrl: _omitted, ...withoutUrl } = demo;
  expect(() => parseSocietyConfig(withoutUrl, "society.yaml")).toThrow(
    /^ {2}portalUrl: required key missing \(expected text\)$/m,
  );
  expect(problem({ termsVersion: 2026.04 })).toMatch(
    /^ {2}termsVersion: .*\(got 2026\.04\): quote it to make it text$/m,
  );
  expect(problem({ realm: "master" })).toMatch(/\nevery key, with its type, default and an example: docs\/config\.md$/);
});

test.each([
  ["user", ["host", "userEnv", "passwordEnv"], ["userEnv"]],
  ["name", ["realm", "societyName", "portalName"], ["portalName", "societyName"]],
  ["ssoIdleMinute", ["ssoIdleMinutes", "ssoMaxHours"], ["ssoIdleMinutes"]],
  ["policy", ["policies", "portalUrl"], ["policies"]],
  ["auth", ["host", "port", "from"], []],
  ["xyz", ["realm"], []],
  ["fromDisplayNme", ["from", "fromDisplayName"], ["fromDisplayName"]],
  ["clients", ["portalClients", "portalUrl"], ["portalClients"]],
  ["redirectUri", ["redirectUris", "postLogoutRedirectUris"], ["redirectUris"]],
])("nearestKeys(%j, %j) is %j", (guess, keys, expected) => {
  expect(nearestKeys(guess, keys)).toEqual(expected);
});

test.each([
  ["", "", 0],
  ["kitten", "sitting", 3],
  ["ssl", "tls", 3],
  ["userenv", "user", 3],
])("editDistance(%j, %j) is %i", (a, b, distance) => {
  expect(editDistance(a, b)).toBe(distance);
  expect(editDistance(b, a)).toBe(distance);
});
