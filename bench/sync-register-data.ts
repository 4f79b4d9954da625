import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MemberRow } from "../members/validate.js";

/** bench:sync's two months of a register, shared with bench:sync-memory. */

/** The share of members that changes between the two months. */
export const CHANGED = 0.01;

export function member(i: number, overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    line: 0,
    userId: `member${i}`,
    symbol: String(10 + (i % 90)),
    number: String(10_000_000 + i),
    birthdate: `19${String(40 + (i % 60)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    lastName: "健保",
    firstName: `花子${i}`,
    email: `member${i}@example.test`,
    personNumber: `P${i}`,
    ...overrides,
  };
}

/** Month 2: a quarter of the changed members each left, joined, renamed, or got a new card. */
export function month2(count: number): MemberRow[] {
  const quarter = Math.max(1, Math.round((count * CHANGED) / 4));
  const rows: MemberRow[] = [];
  for (let i = quarter; i < count; i += 1) {
    if (i < 2 * quarter) rows.push(member(i, { lastName: "改姓" }));
    else if (i < 3 * quarter) rows.push(member(i, { number: String(20_000_000 + i) }));
    else rows.push(member(i));
  }
  for (let i = count; i < count + quarter; i += 1) rows.push(member(i));
  return rows;
}

export function registerFile(dir: string, name: string, rows: MemberRow[]): string {
  const file = join(dir, name);
  const lines = ["user_id,symbol,number,branch,birthdate,last_name,first_name,email,person_number"];
  for (const m of rows)
    lines.push(
      [m.userId, m.symbol, m.number, "", m.birthdate, m.lastName, m.firstName, m.email, m.personNumber].join(","),
    );
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}
