import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { initialPassword } from "../../rules/initial-password.js";
import { writeMembers, type ImportMember, type WriteReport } from "../../members/keycloak-writer.js";
import { FileReadError, HeaderError, validateFile, validMembers, type ValidationSummary } from "../../members/read-members.js";
import type { FileEncoding } from "../../members/read-file.js";
import { connectSociety, withSocietyOptions } from "./society.js";

interface ImportOptions {
  config: string;
  url?: string;
  validateOnly?: boolean;
  dryRun?: boolean;
  report?: string;
  encoding?: string;
  skipInvalid?: boolean;
  updateProfile?: boolean;
  batchSize: number;
}

function validationJson(summary: ValidationSummary) {
  return { total: summary.total, valid: summary.valid, invalid: summary.invalid, errors: summary.errors };
}

function encodingOption(value: string | undefined): FileEncoding | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase().replace(/[-_]/g, "");
  if (v === "utf8") return "utf-8";
  if (v === "shiftjis" || v === "sjis" || v === "cp932" || v === "windows31j") return "shift_jis";
  throw new FileReadError(`--encoding ${value}: use utf-8 or shift_jis`);
}

/** Distinct from 1 (invalid rows) and 2 (unreadable file): the file is fine, the realm disagrees. */
const CONFLICT_EXIT_CODE = 3;

function printErrors(summary: Pick<ValidationSummary, "errors">): void {
  const shown = summary.errors.slice(0, 50);
  for (const e of shown) process.stderr.write(`  line ${e.line}, ${e.field}: ${e.message}\n`);
  if (summary.errors.length > shown.length) process.stderr.write(`  … and ${summary.errors.length - shown.length} more (use --report json for all)\n`);
}

export function registerImportMembers(program: Command): void {
  withSocietyOptions(
    program
      .command("import-members")
      .argument("<file>", "member register: CSV or TSV, UTF-8 (with or without BOM) or Shift_JIS")
      .description("validate a member register and create its members with their initial passwords (never resets existing members)")
      .option("--validate-only", "parse, normalize and validate the file without contacting Keycloak")
      .option("--dry-run", "say what would be created, skipped or updated, and write nothing")
      .option("--report <format>", "json: one JSON object on stdout")
      .option("--encoding <name>", "utf-8 or shift_jis (default: detected)")
      .option("--skip-invalid", "import the other rows even when some rows are invalid or conflict with the realm")
      .option("--update-profile", "also update names, email and birthdate of the members their card matches, when the row changed (never the user ID)")
      .option("--batch-size <n>", "members per write", (v) => Number(v), 200),
  ).action(async (file: string, opts: ImportOptions) => {
    const json = opts.report === "json";
    if (opts.report !== undefined && !json) throw new Error(`--report ${opts.report}: only "json" is supported`);
    let summary: ValidationSummary;
    try {
      summary = await validateFile(file, { encoding: encodingOption(opts.encoding) });
    } catch (error) {
      if (error instanceof FileReadError || error instanceof HeaderError) {
        const message = error instanceof FileReadError && error.line ? `line ${error.line}: ${error.message}` : error.message;
        if (json) process.stdout.write(`${JSON.stringify({ total: 0, valid: 0, invalid: 0, errors: [], fileError: message })}\n`);
        process.stderr.write(`kenpo: ${message}\n`);
        process.exitCode = 2;
        return;
      }
      throw error;
    }

    if (opts.validateOnly) {
      if (json) process.stdout.write(`${JSON.stringify(validationJson(summary))}\n`);
      else {
        process.stdout.write(`${file} (${summary.encoding}): ${summary.total} rows, ${summary.valid} valid, ${summary.invalid} invalid\n`);
        printErrors(summary);
      }
      process.exitCode = summary.invalid > 0 ? 1 : 0;
      return;
    }

    if (summary.invalid > 0 && !opts.skipInvalid) {
      if (json) process.stdout.write(`${JSON.stringify({ ...validationJson(summary), written: false })}\n`);
      process.stderr.write(`kenpo: ${summary.invalid} of ${summary.total} rows are invalid; nothing was written (fix them, or pass --skip-invalid):\n`);
      printErrors(summary);
      process.exitCode = 1;
      return;
    }

    const { config, admin } = await connectSociety(opts);
    const bar = process.stderr.isTTY && !json ? new SingleBar({ format: " {bar} {percentage}% | {value}/{total} members | created {created} skipped {skipped} | ETA {eta_formatted}" }, Presets.shades_classic) : undefined;
    bar?.start(summary.valid, 0, { created: 0, skipped: 0 });
    let report: WriteReport;
    try {
      // A function, so the writer streams the file once to plan and once to write.
      const members = async function* (): AsyncGenerator<ImportMember> {
        for await (const row of validMembers(summary)) yield { ...row, initialPassword: initialPassword(row) };
      };
      report = await writeMembers(members, {
        admin,
        realm: config.realm,
        dryRun: opts.dryRun,
        updateProfile: opts.updateProfile,
        skipConflicts: opts.skipInvalid,
        batchSize: opts.batchSize,
        onProgress: (p) => bar?.update(p.processed, { created: p.created, skipped: p.skipped }),
      });
    } catch (error) {
      bar?.stop();
      throw new Error(`import interrupted: ${(error as Error).message}. Members written so far stay; run the same command again to finish (existing members are skipped).`);
    } finally {
      admin.close();
    }
    bar?.stop();
    const result = { ...validationJson(summary), realm: config.realm, ...report, plan: undefined };
    if (json) {
      process.stdout.write(`${JSON.stringify({ ...result, ...(report.plan ? { plan: report.plan } : {}) })}\n`);
    } else {
      const { planned } = report;
      process.stdout.write(
        `${file}: ${summary.valid} valid member(s) of ${summary.total}` +
          (summary.invalid ? ` (${summary.invalid} invalid row(s) skipped)` : "") +
          `\n  plan: ${planned.create} to create, ${planned.skip} already in realm ${config.realm} (left as they are), ${planned.update} to update, ${planned.conflict} in conflict` +
          (report.dryRun
            ? "\n  dry run: nothing was written"
            : report.written
              ? `\n  ${report.created} created, ${report.skipped} skipped, ${report.updated} updated in ${report.seconds.toFixed(1)} s, passwords hashed here with ${report.hashAlgorithm}`
              : "") +
          "\n",
      );
      if (report.plan) {
        for (const [what, ids] of Object.entries(report.plan)) if (ids.length) process.stdout.write(`  ${what}: ${ids.slice(0, 20).join(", ")}${ids.length > 20 ? ` … (${ids.length})` : ""}\n`);
      }
      for (const r of report.renamed.slice(0, 20)) process.stdout.write(`  line ${r.line}: ${r.userId} is in the realm as ${r.currentUserId} (matched by card)\n`);
      if (report.renamed.length > 20) process.stdout.write(`  … and ${report.renamed.length - 20} more matched by card under another user ID\n`);
      if (summary.invalid) printErrors(summary);
    }
    if (report.conflicts.length > 0) {
      const fix = "fix them, or pass --skip-invalid to import the other rows";
      const written = !report.refused
        ? `the other rows ${report.dryRun ? "would be" : "were"} written`
        : report.dryRun
          ? `the import would write nothing (${fix})`
          : `nothing was written (${fix})`;
      process.stderr.write(`kenpo: ${report.conflicts.length} row(s) conflict with accounts in realm ${config.realm}; ${written}:\n`);
      printErrors({ errors: report.conflicts.map((c) => ({ line: c.line, field: c.field, message: c.reason })) });
      process.exitCode = CONFLICT_EXIT_CODE;
    }
  });
}
