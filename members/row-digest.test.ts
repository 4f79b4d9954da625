import { FileDigest, replannedRows, rowDigest } from "./row-digest.js";
import type { MemberRow } from "./validate.js";
import { registerRow } from "../test/support/register-row.js";

const PLANNED: MemberRow[] = [
  registerRow("stays", ["12", "1000001"], { line: 2 }),
  registerRow("moved", ["12", "2000002"], { line: 3, personNumber: "P2" }),
  registerRow("joins", ["12", "1000003"], { line: 4 }),
];
/** Lines 3 and 4 write (an update by person number, a joiner); line 2 stays. */
const WRITES = new Map(
  PLANNED.filter((r) => r.line > 2).map((r) => [r.line, { digest: rowDigest(r), decision: r.userId }]),
);

function fileDigest(rows: MemberRow[]): string {
  const digest = new FileDigest();
  for (const r of rows) digest.add(r);
  return digest.value();
}

/** As validMembers yields them: one at a time, from a stream. */
async function* read(rows: MemberRow[]) {
  for (const row of rows) yield await Promise.resolve(row);
}

const edit = (line: number, change: Partial<MemberRow>) =>
  PLANNED.map((r) => (r.line === line ? { ...r, ...change } : r));

test.each([
  { case: "the same file", rows: PLANNED, written: ["moved", "joins"], error: undefined },
  // Another person's number on the row planned as the account's new card: never written.
  { case: "a planned row's person number", rows: edit(3, { personNumber: "P9" }), written: [], error: "at line 3" },
  { case: "a planned row's card", rows: edit(4, { number: "1000009" }), written: ["moved"], error: "at line 4" },
  { case: "a planned row's name", rows: edit(4, { lastName: "佐藤" }), written: ["moved"], error: "at line 4" },
  // Rows that write nothing change what leaves: caught after the last row, before the caller's finishing writes.
  {
    case: "a row that stays",
    rows: edit(2, { personNumber: "P2" }),
    written: ["moved", "joins"],
    error: "added, removed or edited",
  },
  {
    case: "a row appended",
    rows: [...PLANNED, registerRow("late", ["12", "1000005"], { line: 5 })],
    written: ["moved", "joins"],
    error: "added, removed or edited",
  },
  { case: "a row removed", rows: PLANNED.slice(0, 2), written: ["moved"], error: "added, removed or edited" },
])("second read with $case", async ({ rows, written, error }) => {
  const seen: string[] = [];
  const walk = async () => {
    for await (const { decision } of replannedRows(read(rows), WRITES, fileDigest(PLANNED)))
      if (decision) seen.push(decision);
  };
  if (error) await expect(walk()).rejects.toThrow(error);
  else await walk();
  expect(seen).toEqual(written);
});
