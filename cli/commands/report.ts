import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { encodeCsv, reportCsv } from "../../members/enrolment-report.js";
import { enrolmentReport } from "../../members/enrolment-source.js";
import { fileEncoding } from "../../members/import-register.js";
import { connectSociety, userPath, withSocietyOptions, type SocietyOptions } from "./society.js";

type ReportOptions = SocietyOptions & { format: string; staleDays?: number; encoding?: string; out?: string };

function nonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--stale-days ${value}: give a whole number of days (0 or more)`);
  return n;
}

export function registerReport(program: Command): void {
  withSocietyOptions(
    program
      .command("report")
      .description(
        "enrolment report: members by stage, the first-login funnel from stored login events, and (--stale-days) who has not finished",
      )
      .option("--format <format>", "json or csv (Excel: UTF-8 with BOM, or --encoding shift_jis)", "json")
      .option("--stale-days <n>", "list enabled members not enrolled n or more days after their import", nonNegative)
      .option("--encoding <name>", "csv only: utf-8 (with BOM, default) or shift_jis")
      .option("--out <file>", "write to this file instead of stdout"),
  ).action(async (opts: ReportOptions) => {
    if (opts.format !== "json" && opts.format !== "csv") throw new Error(`--format ${opts.format}: use json or csv`);
    if (opts.encoding !== undefined && opts.format !== "csv")
      throw new Error("--encoding applies to --format csv only");
    const encoding = fileEncoding(opts.encoding) ?? "utf-8";
    const { config, admin } = await connectSociety(opts);
    try {
      const report = await enrolmentReport(admin, config.realm, { staleDays: opts.staleDays });
      const output =
        opts.format === "csv" ? encodeCsv(reportCsv(report), encoding) : `${JSON.stringify(report, null, 2)}\n`;
      if (opts.out) writeFileSync(userPath(opts.out), output);
      else process.stdout.write(output);
      if (!report.funnel.stored) process.stderr.write(`kenpo report: ${report.funnel.note}\n`);
    } finally {
      admin.close();
    }
  });
}
