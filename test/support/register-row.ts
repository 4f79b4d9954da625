import type { MemberRow } from "../../members/validate.js";

/** A valid register row as validation yields it, for the planners' table tests: the card, the rest defaulted. */
export function registerRow(
  userId: string,
  card: [string, string, string?],
  extra: Partial<MemberRow> = {},
): MemberRow {
  const [symbol, number, branch] = card;
  return {
    line: 2,
    userId,
    symbol,
    number,
    ...(branch ? { branch } : {}),
    birthdate: "1980-12-01",
    lastName: "山田",
    firstName: "太郎",
    email: `${userId}@example.test`,
    ...extra,
  };
}
