import type { Command } from "commander";
import { loadSocietyConfig } from "../../realm-config/load.js";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { adminFromEnv, connectAdmin } from "../../runtime/keycloak/admin.js";
import { repoRoot } from "../../runtime/keycloak/paths.js";

/** The options every command that talks to a society's realm shares. */
export interface SocietyOptions {
  config: string;
  url?: string;
}

export const DEFAULT_CONFIG = process.env.KENPO_CONFIG ?? `${repoRoot}/realm-config/societies/demo.yaml`;

export function withSocietyOptions(command: Command): Command {
  return command
    .option(
      "--config <file>",
      "the society's config (realm name, server URL); default $KENPO_CONFIG or the demo",
      DEFAULT_CONFIG,
    )
    .option("--url <url>", "Keycloak base URL (default: the config's server.url)");
}

export async function connectSociety(
  opts: SocietyOptions,
): Promise<{ config: SocietyConfig; admin: Awaited<ReturnType<typeof connectAdmin>> }> {
  const config = loadSocietyConfig(opts.config);
  const admin = await connectAdmin(adminFromEnv(opts.url ?? config.server.url));
  return { config, admin };
}
