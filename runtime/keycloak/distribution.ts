import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import extractZip from "extract-zip";
import { cacheDir } from "./paths.js";
import { keycloakVersion } from "./version.js";

/** A Keycloak distribution we can start: its home and version. */
export interface Distribution {
  home: string;
  version: string;
}

function log(message: string): void {
  process.stderr.write(`[keycloak] ${message}\n`);
}

/**
 * KEYCLOAK_HOME (an existing install) wins; otherwise the pinned version is fetched once with Maven
 * into the ignored cache and unpacked there. Later calls reuse it.
 */
export async function ensureDistribution(env: NodeJS.ProcessEnv = process.env): Promise<Distribution> {
  const version = keycloakVersion();
  if (env.KEYCLOAK_HOME) {
    if (!existsSync(join(env.KEYCLOAK_HOME, "bin", "kc.sh"))) {
      throw new Error(`KEYCLOAK_HOME=${env.KEYCLOAK_HOME} has no bin/kc.sh`);
    }
    return { home: env.KEYCLOAK_HOME, version: "external" };
  }
  const home = join(cacheDir, "keycloak", `keycloak-${version}`);
  if (existsSync(join(home, "bin", "kc.sh"))) return { home, version };

  const downloads = join(cacheDir, "downloads");
  const zip = join(downloads, `keycloak-quarkus-dist-${version}.zip`);
  if (!existsSync(zip)) {
    mkdirSync(downloads, { recursive: true });
    log(`downloading org.keycloak:keycloak-quarkus-dist:${version} with Maven (once)…`);
    execFileSync(
      "mvn",
      [
        "-q",
        "-B",
        `-Dmaven.repo.local=${join(cacheDir, "m2")}`,
        "dependency:copy",
        `-Dartifact=org.keycloak:keycloak-quarkus-dist:${version}:zip`,
        `-DoutputDirectory=${downloads}`,
      ],
      { stdio: ["ignore", "inherit", "inherit"], cwd: downloads },
    );
  }
  log(`unpacking Keycloak ${version}…`);
  const staging = join(cacheDir, "keycloak", `.unpack-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  await extractZip(zip, { dir: staging });
  const [top] = readdirSync(staging);
  if (!top) throw new Error(`${zip} is empty`);
  // Unpack beside, then rename: an interrupted unpack never looks like a complete distribution.
  rmSync(home, { recursive: true, force: true });
  renameSync(join(staging, top), home);
  rmSync(staging, { recursive: true, force: true });
  return { home, version };
}
