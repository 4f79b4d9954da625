import { EXIT_CODE } from "../contracts/index.js";
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

export function syncReport(outcome: SyncOutcome, { file, json }: { file: string; json: boolean }): ImportReportText {
  if (outcome.kind !== "synced") return importReport(outcome, { file, json });
  const { summary, realm, report } = outcome;
  const { planned, guard } = report;
  let stdout: string;
  let stderr = "";
  if (json) stdout = jsonLine({ ...validationJson(summary), realm, ...report });
  else {
    stdout =
      `${file}: ${summary.valid} valid member(s) of ${summary.total}` +
      (summary.invalid ? ` (${summary.invalid} invalid row(s) skipped)` : "") +
      `\n  plan for realm ${realm}: ${planned.create} join, ${planned.update} to update (${planned.return} returning), ` +
      `${planned.leave} leave (disabled, sessions ended), ${planned.keep} unchanged, ${planned.conflict} in conflict` +
      `\n  leaving: ${guard.leaving} of ${guard.active} active members (${guard.percent.toFixed(1)} %; the society's limit is ${guard.maxPercent} %)` +
      (report.dryRun
        ? "\n  dry run: nothing was written"
        : report.written
          ? `\n  ${report.done.created} created, ${report.done.updated} updated, ${report.done.disabled} disabled: ${report.writes} write(s) in ${report.seconds.toFixed(1)} s`
          : "") +
      "\n";
    for (const c of report.changes.slice(0, SHOWN))
      stdout += `  ${c.line !== undefined ? `line ${c.line}` : "no row"}, ${c.action} ${c.userId}: ${c.reasons.join("; ")}\n`;
    if (report.changes.length > SHOWN)
      stdout += `  … and ${report.changes.length - SHOWN} more (use --report json for all)\n`;
    for (const n of report.notes.slice(0, SHOWN)) stdout += `  line ${n.line}: ${n.note}\n`;
    if (summary.invalid) stderr += errorLines(summary);
  }
  if (report.conflicts.length > 0) {
    const fix = "fix them, or pass --skip-invalid to sync the other rows";
    const written = !report.refused
      ? `the other rows ${report.dryRun ? "would be" : "were"} synced; the accounts they may mean are left as they are`
      : `the sync ${report.dryRun ? "would write" : "wrote"} nothing (${fix})`;
    stderr += `kenpo: ${report.conflicts.length} row(s) conflict with accounts in realm ${realm}; ${written}:\n`;
    stderr += conflictLines(report.conflicts, summary);
    if (report.refused) return { stdout, stderr, exitCode: EXIT_CODE.conflict };
  }
  if (guard.refused) {
    stderr +=
      `kenpo: ${guard.leaving} of ${guard.active} active members (${guard.percent.toFixed(1)} %) would be disabled, ` +
      `more than the society's limit of ${guard.maxPercent} % (policies.registerSyncMaxLeavePercent); ` +
      `${report.dryRun ? "the sync would write" : "the sync wrote"} nothing. Check that the register is complete, or pass --force if they did leave.\n`;
    return { stdout, stderr, exitCode: GUARD_EXIT_CODE };
  }
  return { stdout, stderr, exitCode: report.conflicts.length > 0 ? EXIT_CODE.conflict : EXIT_CODE.ok };
}
