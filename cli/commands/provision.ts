import type { Command } from "commander";
import { formatChange, provisionSociety, provisionSummary } from "../../realm-config/provision.js";
import { loadSocieties } from "../../realm-config/societies.js";
import { connectSociety, reportFormat, societyConfigPath, userPath, withServerOptions } from "./society.js";

export function registerProvision(program: Command): void {
  withServerOptions(
    program
      .command("provision")
      .description(
        "check the Keycloak server, then make each society's realm match its config file (idempotent); several --config or a folder: one realm per society; --dry-run prints the plan only",
      )
      // Repeatable, unlike the other commands' --config.
      .option(
        "--config <file-or-folder>",
        "a society's config (YAML), again for more societies, or a folder of them; default $KENPO_CONFIG",
        (value: string, previous: string[] = []) => [...previous, value],
      ),
  )
    .option("--dry-run", "print what would change and write nothing")
    .option("--report <format>", "json: the plan or the applied changes as one JSON object per realm on stdout")
    .action(
      async (opts: { config?: string[]; url?: string; adminRealm?: string; dryRun?: boolean; report?: string }) => {
        const json = reportFormat(opts.report);
        const paths = opts.config?.map((p) => userPath(p)) ?? [societyConfigPath({})];
        // Every file is read and checked before the first realm is written.
        for (const { config } of loadSocieties(paths)) {
          const { admin } = await connectSociety({ url: opts.url, adminRealm: opts.adminRealm }, config);
          try {
            const { report, failure } = await provisionSociety(admin, config, {
              dryRun: opts.dryRun,
              onChange: (change) => json || process.stdout.write(`${formatChange(change)}\n`),
            });
            process.stdout.write(json ? `${JSON.stringify(report)}\n` : provisionSummary(report));
            // The handler in kenpo.ts says what failed and exits with the failed apply's code.
            if (failure) throw failure;
          } finally {
            admin.close();
          }
        }
      },
    );
}
