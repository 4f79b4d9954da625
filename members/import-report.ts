import type { ImportOutcome } from "./import-register.js";
import type { ValidationSummary } from "./read-members.js";

/**
 * What `kenpo import-members` says about an import: the JSON report or the text for a person,
 * the errors on stderr, and the exit code. Pure, so every outcome's wording is testable without
 * a file or a Keycloak; scripts parse the JSON and the exit codes, so both stay as they are.
 */

export interface ImportReportText {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Distinct from 1 (invalid rows) and 2 (unreadable file): the file is fine, the realm disagrees. */
export const CONFLICT_EXIT_CODE = 3;

export function validationJson(summary: ValidationSummary) {
  return { total: summary.total, valid: summary.valid, invalid: summary.invalid, errors: summary.errors };
}

export const jsonLine = (value: unknown) => `${JSON.stringify(value)}\n`;

/** At most 50, so a broken 100,000-row file does not flood the terminal; the JSON report has them all. */
export function errorLines(summary: Pick<ValidationSummary, "errors">): string {
  const shown = summary.errors.slice(0, 50);
  let text = shown.map((e) => `  line ${e.line}, ${e.field}: ${e.message}\n`).join("");
  if (summary.errors.length > shown.length)
    text += `  … and ${summary.errors.length - shown.length} more (use --report json for all)\n`;
  return text;
}

export function importReport(
  outcome: ImportOutcome,
  { file, json }: { file: string; json: boolean },
): ImportReportText {
  switch (outcome.kind) {
    case "unreadable":
      return {
        stdout: json ? jsonLine({ total: 0, valid: 0, invalid: 0, errors: [], fileError: outcome.message }) : "",
        stderr: `kenpo: ${outcome.message}\n`,
        exitCode: 2,
      };
    case "validated": {
      const { summary } = outcome;
      return {
        stdout: json
          ? jsonLine(validationJson(summary))
          : `${file} (${summary.encoding}): ${summary.total} rows, ${summary.valid} valid, ${summary.invalid} invalid\n`,
        stderr: json ? "" : errorLines(summary),
        exitCode: summary.invalid > 0 ? 1 : 0,
      };
    }
    case "invalid": {
      const { summary } = outcome;
      return {
        stdout: json ? jsonLine({ ...validationJson(summary), written: false }) : "",
        stderr: `kenpo: ${summary.invalid} of ${summary.total} rows are invalid; nothing was written (fix them, or pass --skip-invalid):\n${errorLines(summary)}`,
        exitCode: 1,
      };
    }
    case "imported":
      return importedReport(outcome, file, json);
  }
}

function importedReport(
  { summary, realm, report }: Extract<ImportOutcome, { kind: "imported" }>,
  file: string,
  json: boolean,
): ImportReportText {
  let stdout: string;
  let stderr = "";
  if (json) {
    stdout = jsonLine({ ...validationJson(summary), realm, ...report });
  } else {
    const { planned } = report;
    stdout =
      `${file}: ${summary.valid} valid member(s) of ${summary.total}` +
      (summary.invalid ? ` (${summary.invalid} invalid row(s) skipped)` : "") +
      `\n  plan: ${planned.create} to create, ${planned.skip} already in realm ${realm} (left as they are), ${planned.update} to update, ${planned.conflict} in conflict` +
      (report.dryRun
        ? "\n  dry run: nothing was written"
        : report.written
          ? `\n  ${report.created} created, ${report.skipped} skipped, ${report.updated} updated in ${report.seconds.toFixed(1)} s, passwords hashed here with ${report.hashAlgorithm}`
          : "") +
      "\n";
    if (report.plan) {
      for (const [what, ids] of Object.entries(report.plan))
        if (ids.length)
          stdout += `  ${what}: ${ids.slice(0, 20).join(", ")}${ids.length > 20 ? ` … (${ids.length})` : ""}\n`;
    }
    for (const r of report.renamed.slice(0, 20))
      stdout += `  line ${r.line}: ${r.userId} is in the realm as ${r.currentUserId} (matched by card)\n`;
    if (report.renamed.length > 20)
      stdout += `  … and ${report.renamed.length - 20} more matched by card under another user ID\n`;
    if (summary.invalid) stderr += errorLines(summary);
  }
  if (report.conflicts.length === 0) return { stdout, stderr, exitCode: 0 };
  const fix = "fix them, or pass --skip-invalid to import the other rows";
  const written = !report.refused
    ? `the other rows ${report.dryRun ? "would be" : "were"} written`
    : report.dryRun
      ? `the import would write nothing (${fix})`
      : `nothing was written (${fix})`;
  stderr += `kenpo: ${report.conflicts.length} row(s) conflict with accounts in realm ${realm}; ${written}:\n`;
  stderr += errorLines({ errors: report.conflicts.map((c) => ({ line: c.line, field: c.field, message: c.reason })) });
  return { stdout, stderr, exitCode: CONFLICT_EXIT_CODE };
}
