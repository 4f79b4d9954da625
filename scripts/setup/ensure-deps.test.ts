import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * README's two commands on a made-up machine: package.json's own "start" and "test" lines run in a
 * shell whose PATH holds only node and stubs that record being called (npm, tsx, …), with the fixed
 * system paths under a temporary root (KENPO_SETUP_ROOT) and installing switched off
 * (KENPO_SETUP_NO_INSTALL, what a non-root user gets). A recorded npm/tsx call means a build started.
 */

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { scripts } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { scripts: Record<string, string> };

type Part = "chromium" | "postgresql" | "maven" | "fonts-noto-cjk" | "build-essential" | "python3" | "jdk";
const ALL: Part[] = ["chromium", "postgresql", "maven", "fonts-noto-cjk", "build-essential", "python3", "jdk"];

function file(path: string, text: string, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode });
}

interface Machine {
  dir: string;
  root: string;
  bin: string;
  log: string;
}

/** A machine with `parts` installed, Debian's Java 17 always (Keycloak refuses it), and recording stubs. */
function machine(parts: Part[], extraCommands: Record<string, string> = {}): Machine {
  const dir = mkdtempSync(join(tmpdir(), "ensure-deps-"));
  const root = join(dir, "root");
  const bin = join(dir, "bin");
  const log = join(dir, "calls.log");
  mkdirSync(bin, { recursive: true });
  symlinkSync(process.execPath, join(bin, "node"));
  const recorder = (name: string) => `#!/bin/sh\necho "${name} $*" >> "${log}"\n`;
  for (const name of ["npm", "npx", "tsx"]) file(join(bin, name), recorder(name), 0o755);
  for (const [name, body] of Object.entries(extraCommands)) file(join(bin, name), `#!/bin/sh\n${body}\n`, 0o755);
  const jdk = (name: string, version: string) => {
    file(join(root, "usr/lib/jvm", name, "bin/java"), "#!/bin/sh\n", 0o755);
    file(join(root, "usr/lib/jvm", name, "release"), `JAVA_VERSION="${version}"\n`);
  };
  jdk("java-17-openjdk-amd64", "17.0.15");
  if (parts.includes("chromium")) file(join(root, "usr/bin/chromium"), "#!/bin/sh\n", 0o755);
  if (parts.includes("postgresql")) file(join(root, "usr/lib/postgresql/15/bin/pg_ctl"), "#!/bin/sh\n", 0o755);
  if (parts.includes("maven")) file(join(bin, "mvn"), "#!/bin/sh\n", 0o755);
  if (parts.includes("fonts-noto-cjk")) file(join(root, "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), "");
  if (parts.includes("build-essential"))
    for (const name of ["g++", "make"]) file(join(bin, name), "#!/bin/sh\n", 0o755);
  if (parts.includes("python3")) file(join(bin, "python3"), "#!/bin/sh\n", 0o755);
  if (parts.includes("jdk")) jdk("temurin-25-jdk-amd64", "25.0.3");
  return { dir, root, bin, log };
}

function npmRun(script: "start" | "test", m: Machine) {
  const result = spawnSync("/bin/sh", ["-c", scripts[script]!], {
    cwd: repo,
    encoding: "utf8",
    timeout: 30_000,
    // Nothing inherited: a JAVA_HOME or KENPO_CHROMIUM of the machine running the tests must not leak in.
    env: { PATH: m.bin, HOME: m.dir, KENPO_SETUP_ROOT: m.root, KENPO_SETUP_NO_INSTALL: "1" },
  });
  const calls = existsSync(m.log) ? readFileSync(m.log, "utf8") : "";
  return { status: result.status, stderr: result.stderr, calls };
}

const installLine = (pkgs: string) =>
  new RegExp(`^ {2}(sudo )?apt-get update && (sudo )?apt-get install -y ${pkgs}$`, "m");

describe.each(["start", "test"] as const)("npm %s", (script) => {
  test("with every prerequisite it goes on to the build", () => {
    const run = npmRun(script, machine(ALL));
    // Not "": a package-lock.json newer than node_modules adds an "Installing node packages" line.
    expect(run.stderr).not.toMatch(/Missing|apt-get/);
    expect(run.status).toBe(0);
    expect(run.calls).not.toBe("");
  });

  test.each([
    ["chromium", "/usr/bin/chromium not found"],
    ["postgresql", "/usr/lib/postgresql/*/bin/pg_ctl"],
    ["maven", "mvn not on PATH"],
    ["fonts-noto-cjk", "no Noto CJK font"],
    ["build-essential", "g++ or make not on PATH"],
    ["python3", "python3 not on PATH"],
  ] as const)("without %s it names it and the install command, and builds nothing", (missing, why) => {
    const run = npmRun(script, machine(ALL.filter((p) => p !== missing)));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("Missing system prerequisites");
    expect(run.stderr).toContain(`  - ${missing}: `);
    expect(run.stderr).toContain(why);
    expect(run.stderr).toMatch(installLine(missing));
    expect(run.calls).toBe("");
  });

  test("with only Debian's Java 17 it asks for a JDK 21+ and builds nothing", () => {
    const run = npmRun(script, machine(ALL.filter((p) => p !== "jdk")));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/ {2}- a JDK 21\+: .*java-17-openjdk-amd64 \(Java 17\)/);
    expect(run.stderr).toContain("JAVA_HOME pointing at one");
    expect(run.stderr).not.toContain("apt-get install");
    expect(run.calls).toBe("");
  });

  test("a JDK package apt can install goes into the one command", () => {
    const aptCache = `printf 'temurin-25-jdk:\\n  Installed: (none)\\n  Candidate: (none)\\nopenjdk-21-jdk-headless:\\n  Installed: (none)\\n  Candidate: 21.0.8\\n'`;
    const run = npmRun(
      script,
      machine(["postgresql", "maven", "fonts-noto-cjk", "build-essential", "python3"], { "apt-cache": aptCache }),
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(installLine("chromium openjdk-21-jdk-headless"));
    expect(run.stderr).not.toContain("JAVA_HOME pointing at one");
    expect(run.calls).toBe("");
  });

  test("on a bare machine one command installs all six packages", () => {
    const run = npmRun(script, machine([]));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(installLine("chromium postgresql maven fonts-noto-cjk build-essential python3"));
    expect(run.calls).toBe("");
  });

  test("Debian's own PostgreSQL cluster is stopped before the build", () => {
    const m = machine(ALL, {
      pg_lsclusters: `echo "15 main 5432 online postgres /var/lib/postgresql/15/main /var/log/postgresql/postgresql-15-main.log"`,
    });
    file(join(m.bin, "pg_ctlcluster"), `#!/bin/sh\necho "pg_ctlcluster $*" >> "${m.log}"\n`, 0o755);
    const run = npmRun(script, m);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("Stopping Debian's PostgreSQL cluster 15/main");
    expect(run.calls).toMatch(/^pg_ctlcluster 15 main stop\n.+/);
  });
});
