// The JDK rule, in plain Node: scripts/setup/ensure-deps.mjs checks the JDK before node_modules (and
// so tsx) exists, on Node 20, which cannot load TypeScript. runtime/keycloak/jdk.ts re-exports it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const MIN_JAVA = 21;

/** Major version from a JDK's `release` file, or from `java -version` when the file is missing. */
export function javaMajor(home) {
  const release = join(home, "release");
  let text;
  if (existsSync(release)) {
    text = /JAVA_VERSION="([^"]+)"/.exec(readFileSync(release, "utf8"))?.[1];
  } else if (existsSync(join(home, "bin", "java"))) {
    // `java -version` writes to stderr.
    const run = spawnSync(join(home, "bin", "java"), ["-version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (run.status !== 0) return undefined;
    text = /version "([^"]+)"/.exec(`${run.stdout}${run.stderr}`)?.[1];
  }
  if (!text) return undefined;
  const [first, second] = text.split(".");
  // Java 8 and older report "1.8.0"; everything we accept reports its major first.
  const major = Number(first === "1" ? second : first);
  return Number.isFinite(major) ? major : undefined;
}

/**
 * Keycloak 26.7 needs Java 21+. JAVA_HOME wins when it fits; otherwise the newest JDK under
 * /usr/lib/jvm (Debian's default `java` is often 17, which Keycloak refuses).
 */
export function findJdk(env = process.env, jvmRoot = "/usr/lib/jvm") {
  const tried = [];
  const consider = (home) => {
    if (!existsSync(join(home, "bin", "java"))) return undefined;
    const major = javaMajor(home);
    tried.push(`${home} (Java ${major ?? "?"})`);
    return major !== undefined && major >= MIN_JAVA ? { home, major } : undefined;
  };
  if (env.JAVA_HOME) {
    const fit = consider(env.JAVA_HOME);
    if (fit) return fit;
  }
  const candidates = existsSync(jvmRoot)
    ? readdirSync(jvmRoot)
        .map((name) => consider(join(jvmRoot, name)))
        .filter((jdk) => jdk !== undefined)
        .sort((a, b) => b.major - a.major)
    : [];
  if (candidates[0]) return candidates[0];
  throw new Error(
    `No JDK ${MIN_JAVA}+ found for Keycloak. Set JAVA_HOME to a JDK ${MIN_JAVA} or newer ` +
      `(e.g. apt-get install temurin-25-jdk or openjdk-21-jdk). Looked at: ${tried.join(", ") || "nothing"}`,
  );
}
