import type { ImportOutcome } from "./import-register.js";
import { importReport } from "./import-report.js";
import type { WriteReport } from "./keycloak-writer.js";
import type { ValidationSummary } from "./read-members.js";
import { DEFAULT_LABELS } from "./columns.js";

// The wording under test is the English one unless a test says otherwise (the machine's locale may be Japanese).
process.env.LC_ALL = "C.UTF-8";

const file = "members.csv";

function summary(overrides: Partial<ValidationSummary> = {}): ValidationSummary {
  return {
    file,
    encoding: "utf-8",
    total: 2,
    valid: 2,
    invalid: 0,
    errors: [],
    invalidLines: new Set(),
    labels: { ...DEFAULT_LABELS, user_id: "user_id" },
    ignoreColumns: [],
    invalidKeys: new Set(),
    personNumbers: new Set(),
    close: () => undefined,
    ...overrides,
  };
}

const INVALID = summary({
  valid: 1,
  invalid: 1,
  errors: [{ line: 3, field: "birthdate", column: "生年月日", message: "生年月日 is not a date" }],
  invalidLines: new Set([3]),
});

function report(overrides: Partial<WriteReport> = {}): WriteReport {
  return {
    processed: 2,
    created: 2,
    skipped: 0,
    updated: 0,
    dryRun: false,
    written: true,
    refused: false,
    planned: { create: 2, update: 0, skip: 0, conflict: 0 },
    batches: 1,
    hashAlgorithm: "pbkdf2-sha512 (210000 iterations)",
    conflicts: [],
    renamed: [],
    seconds: 1.23,
    ...overrides,
  };
}

const imported = (r: WriteReport, s = summary()): ImportOutcome => ({
  kind: "imported",
  summary: s,
  realm: "demo",
  report: r,
});
const CONFLICT = {
  line: 3,
  field: "user_id" as const,
  userId: "holder",
  reason: 'user ID "holder" already belongs to another card',
};

test("an unreadable file: exit 2, the message on stderr and (JSON) as fileError", () => {
  const outcome: ImportOutcome = { kind: "unreadable", message: "cannot open x.csv: ENOENT" };
  expect(importReport(outcome, { file, json: true })).toEqual({
    stdout: '{"total":0,"valid":0,"invalid":0,"errors":[],"fileError":"cannot open x.csv: ENOENT"}\n',
    stderr: "kenpo: cannot open x.csv: ENOENT\n",
    exitCode: 2,
  });
  expect(importReport(outcome, { file, json: false })).toEqual({
    stdout: "",
    stderr: "kenpo: cannot open x.csv: ENOENT\n",
    exitCode: 2,
  });
});

test("--validate-only: exit 0 or 1; the text names the encoding and lists the errors", () => {
  expect(importReport({ kind: "validated", summary: summary() }, { file, json: true })).toEqual({
    stdout: '{"total":2,"valid":2,"invalid":0,"errors":[]}\n',
    stderr: "",
    exitCode: 0,
  });
  expect(importReport({ kind: "validated", summary: INVALID }, { file, json: false })).toEqual({
    stdout: "members.csv (utf-8): 2 rows, 1 valid, 1 invalid\n",
    stderr: "  line 3, 生年月日: 生年月日 is not a date\n",
    exitCode: 1,
  });
});

test("invalid rows refused: exit 1, written false; at most 50 errors in the text", () => {
  expect(importReport({ kind: "invalid", summary: INVALID }, { file, json: true }).stdout).toBe(
    '{"total":2,"valid":1,"invalid":1,"errors":[{"line":3,"field":"birthdate","column":"生年月日","message":"生年月日 is not a date"}],"written":false}\n',
  );
  const errors = Array.from({ length: 60 }, (_, i) => ({
    line: i + 2,
    field: "email" as const,
    column: "email",
    message: "email is not an email address",
  }));
  const many = importReport(
    { kind: "invalid", summary: summary({ total: 60, valid: 0, invalid: 60, errors }) },
    { file, json: false },
  );
  expect(many.exitCode).toBe(1);
  expect(many.stdout).toBe("");
  expect(many.stderr.split("\n")[0]).toBe(
    "kenpo: 60 of 60 rows are invalid; nothing was written (fix them, or pass --skip-invalid):",
  );
  expect(many.stderr).toContain("  line 51, email:");
  expect(many.stderr).not.toContain("  line 52, email:");
  expect(many.stderr).toMatch(/ … and 10 more \(use --report json for all\)\n$/);
});

test("imported: the JSON report is the validation, the realm and the writer's report", () => {
  const r = report();
  const { stdout, exitCode } = importReport(imported(r), { file, json: true });
  expect(exitCode).toBe(0);
  expect(stdout).toBe(`${JSON.stringify({ total: 2, valid: 2, invalid: 0, errors: [], realm: "demo", ...r })}\n`);
  const dry = report({ dryRun: true, written: false, plan: { create: ["a", "b"], update: [], skip: [] } });
  expect(JSON.parse(importReport(imported(dry), { file, json: true }).stdout)).toMatchObject({
    dryRun: true,
    plan: { create: ["a", "b"] },
  });
});

test("imported, as text: the plan, what was written, renamed members and skipped invalid rows", () => {
  const text = importReport(
    imported(report({ renamed: [{ line: 2, userId: "new.id", currentUserId: "old.id" }] }), INVALID),
    { file, json: false },
  );
  expect(text).toEqual({
    stdout:
      "members.csv: 1 valid member(s) of 2 (1 invalid row(s) skipped)\n" +
      "  plan: 2 to create, 0 already in realm demo (left as they are), 0 to update, 0 in conflict\n" +
      "  2 created, 0 skipped, 0 updated in 1.2 s, passwords hashed here with pbkdf2-sha512 (210000 iterations)\n" +
      "  line 2: new.id is in the realm as old.id (matched by card)\n",
    stderr: "  line 3, 生年月日: 生年月日 is not a date\n",
    exitCode: 0,
  });
  const dry = importReport(
    imported(report({ dryRun: true, written: false, plan: { create: ["a", "b"], update: [], skip: [] } })),
    { file, json: false },
  );
  expect(dry.stdout).toContain("\n  dry run: nothing was written\n  create: a, b\n");
});

test("conflicts with the realm: exit 3, and stderr says what was (or would be) written", () => {
  const said = (r: Partial<WriteReport>) =>
    importReport(imported(report({ conflicts: [CONFLICT], ...r })), { file, json: true });
  const refused = said({ refused: true, written: false, created: 0 });
  expect(refused.exitCode).toBe(3);
  expect(refused.stderr).toBe(
    "kenpo: 1 row(s) conflict with accounts in realm demo; nothing was written (fix them, or pass --skip-invalid to import the other rows):\n" +
      '  line 3, user_id: user ID "holder" already belongs to another card\n',
  );
  expect(said({ refused: true, written: false, dryRun: true }).stderr).toContain(
    "; the import would write nothing (fix them",
  );
  expect(said({}).stderr).toContain("; the other rows were written:");
  expect(said({ dryRun: true, written: false }).stderr).toContain("; the other rows would be written:");
});

test("in a Japanese locale the admin reads Japanese, columns named as the file names them", () => {
  process.env.LC_ALL = "ja_JP.UTF-8";
  try {
    expect(importReport({ kind: "invalid", summary: INVALID }, { file, json: false }).stderr).toBe(
      "kenpo: 2 行のうち 1 行に誤りがあります。何も書き込んでいません（直すか、--skip-invalid を指定してください）:\n" +
        "  3行目、生年月日: 生年月日 is not a date\n",
    );
    const conflicts = importReport(imported(report({ conflicts: [CONFLICT], refused: true, written: false })), {
      file,
      json: false,
    });
    expect(conflicts.stdout).toContain("  予定: 新規登録 2 人、レルム demo に登録済み 0 人（そのまま）");
    expect(conflicts.stderr).toContain("  3行目、user_id: ");
  } finally {
    process.env.LC_ALL = "C.UTF-8";
  }
});
