import type { Command } from "commander";
import { syncRegister, type SyncRegisterOptions } from "../../members/register-sync.js";
import { syncReport } from "../../members/register-sync-report.js";
import { connectSociety, loadSociety, userPath, withSocietyOptions, type SocietyOptions } from "./society.js";

type SyncOptions = SocietyOptions & Omit<SyncRegisterOptions, "maxLeavePercent" | "today"> & { report?: string };

export function registerSyncRegister(program: Command): void {
  withSocietyOptions(
    program
      .command("sync-register")
      .argument("<file>", "this month's full member register: CSV or TSV, UTF-8 (with or without BOM) or Shift_JIS")
      .description(
        "bring the realm in line with this month's register: joiners created, leavers disabled (sessions ended, never deleted), returners enabled, changed names, emails and cards updated",
      )
      .option("--dry-run", "say what would change, line by line, and write nothing")
      .option("--report <format>", "json: one JSON object on stdout")
      .option("--encoding <name>", "utf-8 or shift_jis (default: detected)")
      .option("--skip-invalid", "sync the other rows even when some rows are invalid or conflict with the realm")
      .option("--force", "disable the leavers even when they are more than the society's share of active members")
      .option("--batch-size <n>", "new members per write", (v) => Number(v), 200),
  ).action(async (file: string, opts: SyncOptions) => {
    const json = opts.report === "json";
    if (opts.report !== undefined && !json) throw new Error(`--report ${opts.report}: only "json" is supported`);
    const maxLeavePercent = loadSociety(opts).policies.registerSyncMaxLeavePercent;
    const outcome = await syncRegister(userPath(file), { ...opts, maxLeavePercent }, async () => {
      const { config, admin } = await connectSociety(opts);
      return { admin, realm: config.realm, close: () => admin.close() };
    });
    const { stdout, stderr, exitCode } = syncReport(outcome, { file, json });
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = exitCode;
  });
}
