// `npm start` and `npm test` run this first (through scripts/ensure-deps.mjs), so README's two
// commands are all a newcomer types: the system packages are checked within a second, before any
// build, and installed with apt-get as root; otherwise it stops, naming what is missing and the
// command that installs it. Then the locked node packages are installed when they are missing or
// older than package-lock.json. Plain Node, no dependencies: it runs before anything is installed.
//
// Two switches, for tests and for people who manage their machine themselves (without them the
// behaviour above is unchanged):
//   KENPO_SETUP_NO_INSTALL=1  never install, only report (what a non-root user gets anyway);
//   KENPO_SETUP_ROOT=DIR      look for the fixed paths (/usr/bin/chromium, /usr/lib/postgresql,
//                             /usr/lib/jvm, /usr/share/fonts) under DIR; commands are still found on PATH.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findJdk, MIN_JAVA } from "./jdk.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(command, env) {
  return (env.PATH ?? "").split(delimiter).some((dir) => dir && executable(join(dir, command)));
}

function hasFont(dir, pattern) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? hasFont(join(dir, entry.name), pattern) : pattern.test(entry.name),
  );
}

function run(command, args, env, options = {}) {
  return spawnSync(command, args, { env, encoding: "utf8", ...options });
}

/** The first JDK package apt can install (none on stock Debian 12, which stops at Java 17). */
function jdkPackage(env) {
  if (!onPath("apt-cache", env)) return undefined;
  const names = ["temurin-25-jdk", "temurin-21-jdk", "openjdk-25-jdk-headless", "openjdk-21-jdk-headless"];
  const out = run("apt-cache", ["policy", ...names], env).stdout ?? "";
  return names.find((name) =>
    new RegExp(`^${name}:\\n\\s+Installed: .*\\n\\s+Candidate: (?!\\(none\\))`, "m").test(out),
  );
}

/** What is missing, in README's order; `pkg` is the apt package that brings it, when there is one. */
function missingPrerequisites(env = process.env) {
  const at = (path) => join(env.KENPO_SETUP_ROOT ?? "/", path);
  const missing = [];
  // The browser tests launch the same one (KENPO_CHROMIUM, else /usr/bin/chromium).
  const chromium = env.KENPO_CHROMIUM ?? at("usr/bin/chromium");
  if (!executable(chromium))
    missing.push({ pkg: "chromium", why: `${chromium} not found (browser tests, the manual)` });
  const pgRoot = at("usr/lib/postgresql");
  const pg = existsSync(pgRoot) && readdirSync(pgRoot).some((v) => executable(join(pgRoot, v, "bin", "pg_ctl")));
  if (!pg) missing.push({ pkg: "postgresql", why: `no ${pgRoot}/*/bin/pg_ctl (PostgreSQL profile, cluster tests)` });
  if (!onPath("mvn", env)) missing.push({ pkg: "maven", why: "mvn not on PATH (fetches Keycloak, packs the theme)" });
  const fonts = [at("usr/share/fonts"), at("usr/local/share/fonts")];
  if (!fonts.some((dir) => hasFont(dir, /Noto(Sans|Serif)CJK/i))) {
    missing.push({
      pkg: "fonts-noto-cjk",
      why: `no Noto CJK font under ${fonts.join(" or ")} (Japanese in screenshots)`,
    });
  }
  // npm ci compiles better-sqlite3 (the register sync's indexes on disk) with node-gyp.
  if (!onPath("g++", env) || !onPath("make", env))
    missing.push({ pkg: "build-essential", why: "g++ or make not on PATH (npm ci compiles better-sqlite3)" });
  if (!onPath("python3", env))
    missing.push({ pkg: "python3", why: "python3 not on PATH (node-gyp, which compiles better-sqlite3)" });
  const jvmRoot = at("usr/lib/jvm");
  try {
    findJdk(env, jvmRoot);
  } catch (error) {
    const seen = /Looked at: (.*)$/.exec(error.message)?.[1] ?? "nothing";
    missing.push({
      pkg: jdkPackage(env),
      why: `none in JAVA_HOME or under ${jvmRoot} (Keycloak refuses older); looked at: ${seen}`,
    });
  }
  return missing;
}

/** The one line a person runs to install `pkgs`. */
function installCommand(pkgs, isRoot) {
  const sudo = isRoot ? "" : "sudo ";
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${pkgs.join(" ")}`;
}

function report(missing, isRoot) {
  const pkgs = missing.flatMap((m) => (m.pkg ? [m.pkg] : []));
  const lines = [
    "Missing system prerequisites (nothing was built):",
    ...missing.map((m) => `  - ${m.pkg ?? `a JDK ${MIN_JAVA}+`}: ${m.why}`),
  ];
  lines.push("Install them, then run the same npm command again:");
  if (pkgs.length) lines.push(`  ${installCommand(pkgs, isRoot)}`);
  if (missing.some((m) => !m.pkg)) {
    lines.push(
      `  a JDK ${MIN_JAVA}+ (Eclipse Temurin: https://adoptium.net/installation/linux/), or JAVA_HOME pointing at one`,
    );
  }
  process.stderr.write(`${lines.join("\n")}\n`);
}

/** Same non-interactive install CI always used. */
function aptInstall(pkgs, env) {
  process.stderr.write(`Installing system packages: ${pkgs.join(" ")} (apt-get)…\n`);
  const quiet = { env: { ...env, DEBIAN_FRONTEND: "noninteractive" }, stdio: "inherit" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "--no-install-recommends", ...pkgs],
  ]) {
    const result = spawnSync("apt-get", args, quiet);
    if (result.status !== 0) return false;
  }
  return true;
}

/** Debian's postgresql package starts its own cluster on 5432; ours run on their own ports and do not need it. */
function stopDebianClusters(env) {
  if (!onPath("pg_lsclusters", env)) return;
  const online = (run("pg_lsclusters", ["-h"], env).stdout ?? "")
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3]?.startsWith("online"));
  for (const [version, cluster] of online) {
    process.stderr.write(`Stopping Debian's PostgreSQL cluster ${version}/${cluster}, which kenpo does not use…\n`);
    if (run("pg_ctlcluster", [version, cluster, "stop"], env, { stdio: "inherit" }).status !== 0) {
      process.stderr.write(
        `Could not stop it (sudo pg_ctlcluster ${version} ${cluster} stop); continuing, our clusters use other ports.\n`,
      );
    }
  }
}

function ensureNodePackages() {
  const lock = join(repo, "package-lock.json");
  const installed = join(repo, "node_modules", ".package-lock.json");
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write("Installing node packages (npm ci)…\n");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=warn"], {
    cwd: repo,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    process.stderr.write(`npm ci failed (exit ${result.status ?? result.signal}); run it yourself to see why.\n`);
    process.exit(result.status ?? 1);
  }
}

export function ensureDeps(env = process.env) {
  const isRoot = process.getuid?.() === 0;
  let missing = missingPrerequisites(env);
  const pkgs = missing.flatMap((m) => (m.pkg ? [m.pkg] : []));
  if (pkgs.length && isRoot && onPath("apt-get", env) && !env.KENPO_SETUP_NO_INSTALL) {
    if (aptInstall(pkgs, env)) missing = missingPrerequisites(env);
  }
  if (missing.length) {
    report(missing, isRoot);
    process.exit(1);
  }
  stopDebianClusters(env);
  ensureNodePackages();
}
