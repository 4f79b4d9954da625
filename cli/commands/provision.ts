import type { Command } from "commander";
import { formatChange, provisionSociety, provisionSummary } from "../../realm-config/provision.js";
import { connectSociety, reportFormat, withSocietyOptions, type SocietyOptions } from "./society.js";

export function registerProvision(program: Command): void {
  withSocietyOptions(
    program
      .command("provision")
      .description(
        "check the Keycloak server, then make a society's realm match its config file (idempotent); --dry-run prints the plan only",
      ),
  )
    .option("--dry-run", "print what would change and write nothing")
    .option("--report <format>", "json: the plan or the applied changes as one JSON object on stdout")
    .action(async (opts: SocietyOptions & { dryRun?: boolean; report?: string }) => {
      const json = reportFormat(opts.report);
      const { config, admin } = await connectSociety(opts);
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
    });
}
