import type { Command } from "commander";
import { ConfigError, loadSocietyConfig } from "../../realm-config/load.js";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { adminFromEnv, connectAdmin } from "../../runtime/keycloak/admin.js";
import { resolve } from "node:path";
import { t } from "../../admin-messages/catalogue.js";

/** The options every command that talks to a society's realm shares. */
export interface SocietyOptions {
  config?: string;
  url?: string;
  adminRealm?: string;
}

/**
 * A path the admin typed, from the folder they typed it in: `npm run kenpo` runs in the project
 * folder, and npm keeps the caller's folder in INIT_CWD.
 */
export function userPath(path: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolve(env.INIT_CWD ?? cwd, path);
}

/**
 * The society's config file: --config, else $KENPO_CONFIG. Never a silent default: a help-desk
 * command run against the demo realm by mistake would answer "no such member" for a real one.
 */
export function societyConfigPath(
  opts: { config?: string },
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string {
  const given = opts.config ?? env.KENPO_CONFIG;
  if (!given) throw new ConfigError(t("whichSociety"));
  return userPath(given, env, cwd);
}

export function withSocietyOptions(command: Command): Command {
  return withServerOptions(
    command.option("--config <file>", "the society's config (YAML: realm name, server URL); default $KENPO_CONFIG"),
  );
}

/** Which Keycloak, and the realm of the admin account that changes it. */
export function withServerOptions(command: Command): Command {
  return command
    .option("--url <url>", "Keycloak base URL (default: the config's server.url)")
    .option(
      "--admin-realm <realm>",
      "the realm of the admin account or service-account client (default $KENPO_ADMIN_REALM, else master)",
    );
}

/** --report: only "json" (true), or none (false). */
export function reportFormat(report: string | undefined): boolean {
  if (report !== undefined && report !== "json") throw new Error(`--report ${report}: only "json" is supported`);
  return report === "json";
}

export function loadSociety(opts: { config?: string }): SocietyConfig {
  return loadSocietyConfig(societyConfigPath(opts));
}

/** The society's config when the admin named one (--config or $KENPO_CONFIG); checking a file needs none. */
export function namedSociety(
  opts: { config?: string },
  env: NodeJS.ProcessEnv = process.env,
): SocietyConfig | undefined {
  return (opts.config ?? env.KENPO_CONFIG) ? loadSociety(opts) : undefined;
}

export async function connectSociety(
  opts: SocietyOptions,
  loaded?: SocietyConfig,
): Promise<{ config: SocietyConfig; admin: Awaited<ReturnType<typeof connectAdmin>> }> {
  const config = loaded ?? loadSociety(opts);
  const admin = await connectAdmin(adminFromEnv(opts.url ?? config.server.url, process.env, opts.adminRealm));
  return { config, admin };
}
