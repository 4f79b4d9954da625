import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { repoRoot } from "../runtime/keycloak/paths.js";
import { loadSocieties, societyFiles } from "./societies.js";

const dir = mkdtempSync(join(tmpdir(), "kenpo-societies-"));
const demo = parse(readFileSync(join(repoRoot, "realm-config/societies/demo.yaml"), "utf8")) as Record<string, unknown>;
function society(path: string, realm: string): string {
  writeFileSync(path, stringify({ ...demo, realm }));
  return path;
}
mkdirSync(join(dir, "all"));
const a = society(join(dir, "all", "a.yaml"), "kenpo-a");
const b = society(join(dir, "all", "b.yml"), "kenpo-b");
writeFileSync(join(dir, "all", "notes.txt"), "not a society");
mkdirSync(join(dir, "empty"));
const twin = society(join(dir, "twin.yaml"), "kenpo-a");

test.each<[string, string[], string[]]>([
  ["files as given", [b, a], [b, a]],
  ["a folder: its YAML files in name order", [join(dir, "all")], [a, b]],
  ["a folder and a file", [join(dir, "all"), twin], [a, b, twin]],
])("societyFiles: %s", (_, paths, files) => expect(societyFiles(paths)).toEqual(files));

test("a folder without YAML files is refused", () => {
  expect(() => societyFiles([join(dir, "empty")])).toThrow(/has no \.yaml file/);
});

test("loadSocieties: one realm each", () => {
  expect(loadSocieties([join(dir, "all")]).map((s) => s.config.realm)).toEqual(["kenpo-a", "kenpo-b"]);
});

test("two files naming one realm are refused before anything is provisioned, naming both", () => {
  expect(() => loadSocieties([a, twin])).toThrow(`${twin}: realm "kenpo-a" is also ${a}'s`);
});
