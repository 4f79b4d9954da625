import { EXIT_CODE } from "../contracts/index.js";
import { t } from "../admin-messages/catalogue.js";
import {
  conflictLines,
  errorLines,
  importReport,
  jsonLine,
  validationJson,
  type ImportReportText,
} from "./import-report.js";
import type { SyncOutcome } from "./register-sync.js";

/**
 * What `kenpo sync-register` says: the JSON report or the text for a person, errors on stderr, the
 * exit code. Pure, like import-report.ts, whose wording and exit codes it shares for files that
 * cannot be synced at all.
 */

/** Past 3 (conflicts): the file may be fine, but it would disable too many members at once. */
export const GUARD_EXIT_CODE = EXIT_CODE.leaveGuard;

const SHOWN = 50;

const ACTION = { create: "syncActionCreate", update: "syncActionUpdate", leave: "syncActionLeave" } as const;

export function syncReport(outcome: SyncOutcome, { file, json }: { file: string; json: boolean }): ImportReportText {
  if (outcome.kind !== "synced") return importReport(outcome, { file, json });
  const { summary, realm, report } = outcome;
  const { planned, guard } = report;
  const percent = guard.percent.toFixed(1);
  let stdout: string;
  let stderr = "";
  if (json) stdout = jsonLine({ ...validationJson(summary), realm, ...report });
  else {
    const counts = { total: summary.total, valid: summary.valid, invalid: summary.invalid };
    stdout =
      t("reportValidOf", { file, ...counts }) +
      (summary.invalid ? t("reportInvalidSkipped", counts) : "") +
      "\n" +
      line(t("syncPlan", { realm, ...planned })) +
      line(t("syncLeaving", { leaving: guard.leaving, active: guard.active, percent, maxPercent: guard.maxPercent })) +
      (report.dryRun
        ? line(t("reportDryRun"))
        : report.written
          ? line(t("syncWritten", { ...report.done, writes: report.writes, seconds: report.seconds.toFixed(1) }))
          : "");
    for (const c of report.changes.slice(0, SHOWN))
      stdout += line(
        t("syncChange", {
          where: c.line !== undefined ? t("syncLine", { line: c.line }) : t("syncNoRow"),
          action: t(ACTION[c.action]),
          userId: c.userId,
          reasons: c.reasons.join("; "),
        }),
      );
    if (report.changes.length > SHOWN) stdout += line(t("reportMoreErrors", { count: report.changes.length - SHOWN }));
    for (const n of report.notes.slice(0, SHOWN)) stdout += line(t("syncNote", n));
    if (summary.invalid) stderr += errorLines(summary);
  }
  if (report.conflicts.length > 0) {
    const outcome = !report.refused
      ? t(report.dryRun ? "syncOthersWouldBeSynced" : "syncOthersSynced")
      : t(report.dryRun ? "syncWouldWriteNothing" : "syncWroteNothing");
    stderr += `kenpo: ${line(t("reportConflicts", { count: report.conflicts.length, realm, outcome }))}`;
    stderr += conflictLines(report.conflicts, summary);
    if (report.refused) return { stdout, stderr, exitCode: EXIT_CODE.conflict };
  }
  if (guard.refused) {
    const outcome = t(report.dryRun ? "syncGuardWouldWriteNothing" : "syncGuardWroteNothing");
    stderr += `kenpo: ${line(t("syncGuard", { leaving: guard.leaving, active: guard.active, percent, maxPercent: guard.maxPercent, outcome }))}`;
    return { stdout, stderr, exitCode: GUARD_EXIT_CODE };
  }
  return { stdout, stderr, exitCode: report.conflicts.length > 0 ? EXIT_CODE.conflict : EXIT_CODE.ok };
}

const line = (text: string) => `${text}\n`;
