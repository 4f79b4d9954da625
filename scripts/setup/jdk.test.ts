import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findJdk, javaMajor } from "./jdk.mjs";

/** A fake JDK: a release file, or (without one) a `java` that prints its version the way Java does, on stderr. */
function fakeJdk(root: string, name: string, release?: string, printed?: string): string {
  const home = join(root, name);
  mkdirSync(join(home, "bin"), { recursive: true });
  const script = printed ? `#!/bin/sh\necho 'openjdk version "${printed}" 2025-09-16' >&2\n` : "#!/bin/sh\nexit 1\n";
  writeFileSync(join(home, "bin", "java"), script, { mode: 0o755 });
  if (release) writeFileSync(join(home, "release"), `JAVA_VERSION="${release}"\n`);
  return home;
}

test.each([
  ["a release file", "25.0.1", undefined, 25],
  ["Java 8's 1.8 numbering", "1.8.0_402", undefined, 8],
  ["no release file: `java -version` on stderr", undefined, "21.0.5", 21],
  ["no release file and a java that fails", undefined, undefined, undefined],
])("javaMajor reads %s", (_, release, printed, major) => {
  const root = mkdtempSync(join(tmpdir(), "jvm-"));
  expect(javaMajor(fakeJdk(root, "jdk", release, printed))).toBe(major);
});

test("a JDK without a release file is found by its `java -version`", () => {
  const root = mkdtempSync(join(tmpdir(), "jvm-"));
  fakeJdk(root, "java-17", "17.0.15");
  const home = fakeJdk(root, "odd-21", undefined, "21.0.5");
  expect(findJdk({}, root)).toEqual({ home, major: 21 });
});
