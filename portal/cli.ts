import { Command } from "commander";
import { loadSocietyConfig } from "../realm-config/load.js";
import { writePortal } from "./build.js";
import { startPortal } from "./serve.js";

/**
 * `npm run portal -- serve` serves the demo portal for a society config (default: the demo society);
 * `npm run portal -- build <dir>` writes the static files for any web server.
 */
const program = new Command("portal").description("the demo member portal");

interface TargetOptions {
  config?: string;
  keycloakUrl?: string;
  realm?: string;
  clientId?: string;
}

function target(opts: TargetOptions) {
  const society = loadSocietyConfig(opts.config ?? new URL("../realm-config/societies/demo.yaml", import.meta.url).pathname);
  return {
    keycloakUrl: opts.keycloakUrl ?? society.server.url,
    realm: opts.realm ?? society.realm,
    clientId: opts.clientId ?? society.portalClients[0]!.clientId,
  };
}

const withTarget = (command: Command) =>
  command
    .option("--config <file>", "society config (YAML)", undefined)
    .option("--keycloak-url <url>", "Keycloak base URL (default: the config's server.url)")
    .option("--realm <realm>", "realm (default: the config's realm)")
    .option("--client-id <id>", "OIDC client (default: the config's first portal client)");

withTarget(program.command("serve").description("serve the portal"))
  .option("--port <port>", "port", (v) => Number(v), 5173)
  .action(async (opts: TargetOptions & { port: number }) => {
    const portal = await startPortal({ ...target(opts), port: opts.port });
    process.stdout.write(`member portal (demo): ${portal.url}\n`);
    const stop = () => void portal.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });

withTarget(program.command("build").description("write the static portal (with config.json) to a folder"))
  .argument("<dir>", "output folder")
  .action(async (dir: string, opts: TargetOptions) => {
    const files = await writePortal(dir, target(opts));
    process.stdout.write(`wrote ${files.length} files to ${dir}: ${files.join(" ")}\n`);
  });

await program.parseAsync();
