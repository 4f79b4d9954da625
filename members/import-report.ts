import { EXIT_CODE } from "../contracts/index.js";
import { t } from "../admin-messages/catalogue.js";
import type { ImportOutcome } from "./import-register.js";
import type { ValidationSummary } from "./read-members.js";
import type { Field } from "./columns.js";

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

export function validationJson(summary: ValidationSummary) {
  return { total: summary.total, valid: summary.valid, invalid: summary.invalid, errors: summary.errors };
}

const line = (text: string) => `${text}\n`;

export const jsonLine = (value: unknown) => `${JSON.stringify(value)}\n`;

/** At most 50, so a broken 100,000-row file does not flood the terminal; the JSON report has them all. */
export function errorLines(summary: Pick<ValidationSummary, "errors">): string {
  const shown = summary.errors.slice(0, 50);
  let text = shown
    .map((e) => line(t("reportErrorLine", { line: e.line, column: e.column, message: e.message })))
    .join("");
  if (summary.errors.length > shown.length)
    text += line(t("reportMoreErrors", { count: summary.errors.length - shown.length }));
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
        exitCode: EXIT_CODE.unreadableFile,
      };
    case "validated": {
      const { summary } = outcome;
      return {
        stdout: json
          ? jsonLine(validationJson(summary))
          : line(t("reportValidated", { file, ...counts(summary), encoding: summary.encoding })),
        stderr: json ? "" : errorLines(summary),
        exitCode: summary.invalid > 0 ? EXIT_CODE.invalidRows : EXIT_CODE.ok,
      };
    }
    case "invalid": {
      const { summary } = outcome;
      return {
        stdout: json ? jsonLine({ ...validationJson(summary), written: false }) : "",
        stderr: `kenpo: ${line(t("reportInvalid", counts(summary)))}${errorLines(summary)}`,
        exitCode: EXIT_CODE.invalidRows,
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
      t("reportValidOf", { file, ...counts(summary) }) +
      (summary.invalid ? t("reportInvalidSkipped", counts(summary)) : "") +
      "\n" +
      line(t("reportPlan", { ...planned, realm })) +
      (report.dryRun
        ? line(t("reportDryRun"))
        : report.written
          ? line(
              t("reportWritten", {
                created: report.created,
                skipped: report.skipped,
                updated: report.updated,
                seconds: report.seconds.toFixed(1),
                algorithm: report.hashAlgorithm,
              }),
            )
          : "");
    if (report.plan) {
      for (const [what, ids] of Object.entries(report.plan))
        if (ids.length)
          stdout += line(
            t("reportPlanned", {
              what,
              ids: `${ids.slice(0, 20).join(", ")}${ids.length > 20 ? ` … (${ids.length})` : ""}`,
            }),
          );
    }
    for (const r of report.renamed.slice(0, 20)) stdout += line(t("reportRenamed", r));
    if (report.renamed.length > 20) stdout += line(t("reportMoreRenamed", { count: report.renamed.length - 20 }));
    if (summary.invalid) stderr += errorLines(summary);
  }
  if (report.conflicts.length === 0) return { stdout, stderr, exitCode: EXIT_CODE.ok };
  const outcome = !report.refused
    ? t(report.dryRun ? "conflictOthersWouldBeWritten" : "conflictOthersWritten")
    : t(report.dryRun ? "conflictWouldWriteNothing" : "conflictWroteNothing");
  stderr += `kenpo: ${line(t("reportConflicts", { count: report.conflicts.length, realm, outcome }))}`;
  stderr += conflictLines(report.conflicts, summary);
  return { stdout, stderr, exitCode: EXIT_CODE.conflict };
}

/** Rows that disagree with the realm, listed like invalid rows (the column as the file names it). */
export function conflictLines(
  conflicts: ReadonlyArray<{ line: number; field: Field; reason: string }>,
  summary: Pick<ValidationSummary, "labels">,
): string {
  return errorLines({
    errors: conflicts.map((c) => ({
      line: c.line,
      field: c.field,
      column: summary.labels[c.field],
      message: c.reason,
    })),
  });
}

function counts(summary: ValidationSummary) {
  return { total: summary.total, valid: summary.valid, invalid: summary.invalid };
}
