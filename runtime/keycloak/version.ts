import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths.js";

/** The one pinned Keycloak version: package.json → config.keycloakVersion. */
export function keycloakVersion(): string {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
    config?: { keycloakVersion?: string };
  };
  const version = pkg.config?.keycloakVersion;
  if (!version) throw new Error("package.json has no config.keycloakVersion");
  return version;
}
