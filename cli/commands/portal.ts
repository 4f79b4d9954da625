import type { Command } from "commander";
import { writePortal } from "../../portal/build.js";
import { startPortal } from "../../portal/serve.js";
import { loadSocietyConfig } from "../../realm-config/load.js";
import { repoRoot } from "../../runtime/keycloak/paths.js";
import { join } from "node:path";

interface TargetOptions {
  config?: string;
  keycloakUrl?: string;
  realm?: string;
  clientId?: string;
}

/** The portal talks to the society's realm and its first portal client unless told otherwise. */
function target(opts: TargetOptions) {
  const society = loadSocietyConfig(opts.config ?? join(repoRoot, "realm-config", "societies", "demo.yaml"));
  return {
    keycloakUrl: opts.keycloakUrl ?? society.server.url,
    realm: opts.realm ?? society.realm,
    clientId: opts.clientId ?? society.portalClients[0]!.clientId,
  };
}

const withTarget = (command: Command) =>
  command
    .option("--config <file>", "society config (YAML; default: the demo society)")
    .option("--keycloak-url <url>", "Keycloak base URL (default: the config's server.url)")
    .option("--realm <realm>", "realm (default: the config's realm)")
    .option("--client-id <id>", "OIDC client (default: the config's first portal client)");

/** `kenpo portal serve` serves the demo portal; `kenpo portal build <dir>` writes it for any web server. */
export function registerPortal(program: Command): void {
  const portal = program.command("portal").description("the demo member portal (keycloak-js)");

  withTarget(portal.command("serve").description("serve the portal"))
    .option("--port <port>", "port", (v) => Number(v), 5173)
    .action(async (opts: TargetOptions & { port: number }) => {
      const server = await startPortal({ ...target(opts), port: opts.port });
      process.stdout.write(`member portal (demo): ${server.url}\n`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });

  withTarget(portal.command("build").description("write the static portal (with config.json) to a folder"))
    .argument("<dir>", "output folder")
    .action(async (dir: string, opts: TargetOptions) => {
      const files = await writePortal(dir, target(opts));
      process.stdout.write(`wrote ${files.length} files to ${dir}: ${files.join(" ")}\n`);
    });
}
