import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import { ConfigError, loadSocietyConfig, parseSocietyConfig } from "./load.js";

const demoFile = new URL("./societies/demo.yaml", import.meta.url).pathname;
const demo = parse(readFileSync(demoFile, "utf8")) as Record<string, unknown>;

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
