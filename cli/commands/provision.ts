import type { Command } from "commander";
import { applyRealm, formatChange, planRealm } from "../../realm-config/provision.js";
import { loadSocieties } from "../../realm-config/societies.js";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { adminFromEnv, connectAdmin } from "../../runtime/keycloak/admin.js";
import { societyConfigPath, userPath } from "./society.js";

async function provisionOne(config: SocietyConfig, url: string | undefined, dryRun: boolean): Promise<void> {
  const admin = await connectAdmin(adminFromEnv(url ?? config.server.url));
  try {
    if (dryRun) {
      const changes = await planRealm(admin, config);
      for (const change of changes) process.stdout.write(`${formatChange(change)}\n`);
      process.stdout.write(
        changes.length === 0
          ? `realm ${config.realm} is up to date: nothing to change\n`
          : `dry run: ${changes.length} change(s) planned for realm ${config.realm}, nothing written\n`,
      );
      return;
    }
    const applied = await applyRealm(admin, config, (change) => process.stdout.write(`${formatChange(change)}\n`));
    process.stdout.write(
      applied.length === 0
        ? `realm ${config.realm} is up to date: nothing to change\n`
        : `applied ${applied.length} change(s) to realm ${config.realm}\n`,
    );
  } finally {
    admin.close();
  }
}

export function registerProvision(program: Command): void {
  program
    .command("provision")
    .description(
      "make each society's realm match its config file (idempotent); several --config or a folder: one realm per society; --dry-run prints the plan only",
    )
    .option(
      "--config <file-or-folder>",
      "a society's config (YAML), again for more societies, or a folder of them; default $KENPO_CONFIG",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--url <url>", "Keycloak base URL (default: each config's server.url)")
    .option("--dry-run", "print what would change and write nothing")
    .action(async (opts: { config?: string[]; url?: string; dryRun?: boolean }) => {
      const paths = opts.config?.map((p) => userPath(p)) ?? [societyConfigPath({})];
      // Every file is read and checked before the first realm is written.
      for (const { config } of loadSocieties(paths)) await provisionOne(config, opts.url, Boolean(opts.dryRun));
    });
}
