import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findJdk } from "./jdk.js";

function fakeJdk(root: string, name: string, version: string): string {
  const home = join(root, name);
  mkdirSync(join(home, "bin"), { recursive: true });
  writeFileSync(join(home, "bin", "java"), "#!/bin/sh\n", { mode: 0o755 });
  writeFileSync(join(home, "release"), `JAVA_VERSION="${version}"\n`);
  return home;
}

test("the newest JDK >= 21 under the JVM folder is chosen when JAVA_HOME is too old", () => {
  const root = mkdtempSync(join(tmpdir(), "jvm-"));
  const old = fakeJdk(root, "java-17", "17.0.15");
  fakeJdk(root, "java-21", "21.0.5");
  const newest = fakeJdk(root, "temurin-25", "25.0.1");
  expect(findJdk({ JAVA_HOME: old }, root)).toEqual({ home: newest, major: 25 });
});

test("JAVA_HOME wins when it is new enough", () => {
  const root = mkdtempSync(join(tmpdir(), "jvm-"));
  const java21 = fakeJdk(root, "java-21", "21.0.5");
  fakeJdk(root, "temurin-25", "25.0.1");
  expect(findJdk({ JAVA_HOME: java21 }, root)).toEqual({ home: java21, major: 21 });
});

test("no fitting JDK is a clear error that lists what was found", () => {
  const root = mkdtempSync(join(tmpdir(), "jvm-"));
  fakeJdk(root, "java-17", "17.0.15");
  expect(() => findJdk({}, root)).toThrow(/No JDK 21\+ found.*java-17 \(Java 17\)/);
});
