// Builds the kenpo login theme JAR and puts it where Keycloak instances pick providers up:
// <repo>/build/providers/kenpo-theme.jar (docs/contracts.md).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const themeDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoDir = resolve(themeDir, "..");
const jarName = "kenpo-theme.jar";
const builtJar = join(themeDir, "dist_keycloak", jarName);
const target = join(repoDir, "build", "providers", jarName);
// npm may hoist a tool to the repo's node_modules or keep it in the workspace's.
const bin = [join(themeDir, "node_modules", ".bin"), join(repoDir, "node_modules", ".bin")].join(":");

// `npm run` exports npm's settings as npm_config_* variables; the CA settings among them would
// reach keycloakify's `npm config get` and, from there, the oversized environment variable.
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_config_(ca|cafile|cert|key)$/i.test(key)),
);

const env = {
  ...inherited,
  // keycloakify copies the CA bundle named by the global npmrc into one environment variable for a
  // child process; ours is large enough to make spawn fail with E2BIG. Nothing is downloaded here.
  npm_config_globalconfig: "/dev/null",
  // keycloakify runs `npm config get` and looks for ENOWORKSPACES in its stderr; `npm run` sets
  // loglevel=silent, which hides it.
  npm_config_loglevel: "error",
  // Keycloak 26 only (vite.config.ts sets keycloakVersionTargets too).
  KEYCLOAKIFY_BUILD_FOR_KEYCLOAK_MAJOR_VERSION: "26",
  // Maven's local repository lives in the repo's ignored cache, shared with the other builds.
  KEYCLOAKIFY_USE_DEFAULT_MAVEN_REPO: "true",
  MAVEN_OPTS: [process.env.MAVEN_OPTS, `-Dmaven.repo.local=${join(repoDir, ".cache", "m2")}`].filter(Boolean).join(" "),
  PATH: `${bin}:${process.env.PATH ?? ""}`,
};

function run(command, args) {
  console.log(`> ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: themeDir, env, stdio: "inherit" });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`theme build: "${command} ${args.join(" ")}" failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

run("tsc", ["-p", "tsconfig.json"]);
run("vite", ["build"]);
// The pages' static shells, which keycloakify's postBuild (vite.config.ts) puts into the .ftl pages.
run("node", ["scripts/render-shells.mjs"]);
run("keycloakify", ["build"]);

if (!existsSync(builtJar)) {
  console.error(
    `theme build: keycloakify finished but ${builtJar} does not exist (check keycloakVersionTargets in vite.config.ts)`,
  );
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(builtJar, target);
console.log(`theme build: ${target}`);
