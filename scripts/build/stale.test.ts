import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isStale } from "./stale.js";

test("an output is stale when missing or older than any input file, fresh otherwise", () => {
  const dir = mkdtempSync(join(tmpdir(), "stale-"));
  mkdirSync(join(dir, "src", "deep"), { recursive: true });
  const source = join(dir, "src", "deep", "a.ts");
  const jar = join(dir, "out.jar");
  writeFileSync(source, "x");
  expect(isStale(jar, [join(dir, "src")])).toBe(true);
  writeFileSync(jar, "jar");
  utimesSync(source, new Date(1000), new Date(1000));
  utimesSync(join(dir, "src", "deep"), new Date(1000), new Date(1000));
  utimesSync(join(dir, "src"), new Date(1000), new Date(1000));
  expect(isStale(jar, [join(dir, "src")])).toBe(false);
  utimesSync(source, new Date(), new Date(Date.now() + 5000));
  expect(isStale(jar, [join(dir, "src")])).toBe(true);
});
