import type { Command } from "commander";
import { applyRealm, formatChange, planRealm } from "../../realm-config/provision.js";
import { adminFromEnv, connectAdmin } from "../../runtime/keycloak/admin.js";
import { t } from "../messages/catalogue.js";
import { loadSociety, withSocietyOptions, type SocietyOptions } from "./society.js";

export function registerProvision(program: Command): void {
  withSocietyOptions(
    program
      .command("provision")
      .description("make a society's realm match its config file (idempotent); --dry-run prints the plan only"),
  )
    .option("--dry-run", "print what would change and write nothing")
    .action(async (opts: SocietyOptions & { dryRun?: boolean }) => {
      const config = loadSociety(opts);
      const admin = await connectAdmin(adminFromEnv(opts.url ?? config.server.url));
      try {
        if (opts.dryRun) {
          const changes = await planRealm(admin, config);
          for (const change of changes) process.stdout.write(`${formatChange(change)}\n`);
          process.stdout.write(
            `${changes.length === 0 ? t("provisionUpToDate", { realm: config.realm }) : t("provisionDryRun", { count: changes.length, realm: config.realm })}\n`,
          );
          return;
        }
        const applied = await applyRealm(admin, config, (change) => process.stdout.write(`${formatChange(change)}\n`));
        process.stdout.write(
          `${applied.length === 0 ? t("provisionUpToDate", { realm: config.realm }) : t("provisionApplied", { count: applied.length, realm: config.realm })}\n`,
        );
      } finally {
        admin.close();
      }
    });
}
