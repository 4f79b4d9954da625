import { DEFAULT_LABELS } from "./columns.js";
import type { ValidationSummary } from "./read-members.js";
import type { SyncReport } from "./register-sync.js";
import { syncReport } from "./register-sync-report.js";

// The English texts are asserted: whatever the machine's locale (a test switches to Japanese and back).
process.env.LC_ALL = "C.UTF-8";

const summary: ValidationSummary = {
  file: "register.csv",
  encoding: "utf-8",
  total: 200,
  valid: 200,
  invalid: 0,
  errors: [],
  invalidLines: new Set(),
  invalidKeys: new Set(),
  personNumbers: new Set(),
  close: () => undefined,
  labels: { ...DEFAULT_LABELS, number: "number" },
  ignoreColumns: [],
};

function report(overrides: Partial<SyncReport> = {}): SyncReport {
  return {
    dryRun: false,
    written: true,
    refused: false,
    guard: { active: 200, leaving: 1, percent: 0.5, maxPercent: 5, refused: false },
    planned: { create: 1, update: 1, return: 0, leave: 1, keep: 197, conflict: 0 },
    done: { created: 1, updated: 1, disabled: 1 },
    writes: 4,
    changes: [
      { line: 3, userId: "sato", action: "update", reasons: ["name changed"] },
      {
        userId: "gone",
        action: "leave",
        reasons: ["left: no row of this register has the card (記号 12 番号 10***02)"],
      },
    ],
    conflicts: [],
    notes: [],
    seconds: 1.5,
    ...overrides,
  };
}

const text = (r: SyncReport) =>
  syncReport({ kind: "synced", summary, realm: "kenpo", report: r }, { file: "register.csv", json: false });

test.each<[string, Partial<SyncReport>, number, string, string]>([
  ["done", {}, 0, "1 created, 1 updated, 1 disabled: 4 write(s)", ""],
  [
    "the leave guard",
    {
      written: false,
      writes: 0,
      guard: { active: 200, leaving: 60, percent: 30, maxPercent: 5, refused: true },
    },
    8,
    "leaving: 60 of 200 active members (30.0 %; the society's limit is 5 %)",
    "60 of 200 active members (30.0 %) would be disabled, more than the society's limit of 5 %",
  ],
  [
    "conflicts",
    {
      written: false,
      refused: true,
      conflicts: [{ line: 7, field: "number", userId: "x", reason: "the card is held by another account" }],
    },
    3,
    "1 in conflict",
    "line 7, number: the card is held by another account",
  ],
])("%s", (_name, overrides, exitCode, stdout, stderr) => {
  const out = text(
    report({ ...overrides, planned: { ...report().planned, conflict: overrides.conflicts?.length ?? 0 } }),
  );
  expect(out.exitCode).toBe(exitCode);
  expect(out.stdout).toContain(stdout);
  expect(out.stderr).toContain(stderr);
  if (!stderr) expect(out.stderr).toBe("");
});

test("every change is listed with its line and reason; a leaver has no line", () => {
  const { stdout } = text(report());
  expect(stdout).toContain("  line 3, update sato: name changed\n");
  expect(stdout).toContain("  no row, leave gone: left: no row of this register has the card (記号 12 番号 10***02)\n");
});

test("in a Japanese locale: the report's own words", () => {
  process.env.LC_ALL = "ja_JP.UTF-8";
  try {
    const { stdout } = text(report());
    expect(stdout).toContain("予定（レルム kenpo）: 加入 1 人、更新 1 人（うち再加入 0 人）、資格喪失 1 人");
    expect(stdout).toContain("  3行目、更新 sato: name changed\n");
    expect(stdout).toContain("  該当行なし、資格喪失 gone: ");
    const guard = text(
      report({ written: false, guard: { active: 200, leaving: 60, percent: 30, maxPercent: 5, refused: true } }),
    );
    expect(guard.stderr).toContain("有効な加入者 200 人のうち 60 人（30.0 %）が無効化されます");
  } finally {
    process.env.LC_ALL = "C.UTF-8";
  }
});
