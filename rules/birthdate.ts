import { toHalfWidth } from "./text.js";

/**
 * Birthdates as admins export them and members type them: 1980-12-01, 1980/12/1, 19801201,
 * 1980年12月1日, and Japanese eras in full or short form (昭和55年12月1日, 平成元年1月8日, S55.12.1,
 * H2/1/8, R1.5.1). Result: an ISO date "YYYY-MM-DD" or a reason.
 * ES5-clean (no Map, padStart, normalize, named groups): Keycloak's Nashorn runs it for step ③.
 */

export type BirthdateReason = "empty" | "format" | "impossible" | "outside-era" | "future" | "too-old";
/** `date`: the date read (ISO), when one was; `era`, `eraFrom`, `eraUntil` (empty for the current era): the era it fell outside. */
export interface BirthdateFailure {
  ok: false;
  reason: BirthdateReason;
  message: string;
  date?: string;
  era?: string;
  eraFrom?: string;
  eraUntil?: string;
}
export type BirthdateResult = { ok: true; value: string } | BirthdateFailure;

interface Era {
  names: string[];
  /** First day of the era (Gregorian). */
  start: [number, number, number];
}

/**
 * Start days as proclaimed (Gregorian): 明治 1868-10-23, 大正 1912-07-30, 昭和 1926-12-25,
 * 平成 1989-01-08, 令和 2019-05-01. An era ends the day before the next one starts.
 */
const ERAS: Era[] = [
  { names: ["明治", "M", "\u337e"], start: [1868, 10, 23] },
  { names: ["大正", "T", "\u337d"], start: [1912, 7, 30] },
  { names: ["昭和", "S", "\u337c"], start: [1926, 12, 25] },
  { names: ["平成", "H", "\u337b"], start: [1989, 1, 8] },
  { names: ["令和", "R", "\u32ff"], start: [2019, 5, 1] },
];

const OLDEST_YEAR = 1900;

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

function iso(y: number, m: number, d: number): string {
  return y + "-" + pad2(m) + "-" + pad2(d);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function fail(reason: BirthdateReason, message: string, date?: string): BirthdateFailure {
  const result: BirthdateFailure = { ok: false, reason: reason, message: message };
  if (date) result.date = date;
  return result;
}

function findEra(name: string): number {
  const upper = name.toUpperCase();
  for (let i = 0; i < ERAS.length; i += 1) {
    if (ERAS[i]!.names.indexOf(upper) >= 0 || ERAS[i]!.names.indexOf(name) >= 0) return i;
  }
  return -1;
}

function eraNames(): string {
  const all: string[] = [];
  for (let i = 0; i < ERAS.length; i += 1) all.push(...ERAS[i]!.names);
  return all.join("|");
}

const WESTERN = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
];
const ERA_PATTERNS = [
  new RegExp("^(" + eraNames() + ")(元|\\d{1,2})年(\\d{1,2})月(\\d{1,2})日?$", "i"),
  new RegExp("^(" + eraNames() + ")(元|\\d{1,2})[-\\/.](\\d{1,2})[-\\/.](\\d{1,2})$", "i"),
];

export function parseBirthdate(input: string | null | undefined, today?: Date): BirthdateResult {
  const text = toHalfWidth(input == null ? "" : String(input)).replace(/\s+/g, "");
  if (text === "") return fail("empty", "birthdate is empty");
  let y: number;
  let m: number;
  let d: number;
  let era = -1;
  let match: RegExpExecArray | null = null;
  for (let i = 0; i < WESTERN.length && !match; i += 1) match = WESTERN[i]!.exec(text);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    for (let i = 0; i < ERA_PATTERNS.length && !match; i += 1) match = ERA_PATTERNS[i]!.exec(text);
    if (!match) {
      return fail(
        "format",
        "use YYYYMMDD, YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 or a Japanese era date such as 昭和55年12月1日 or S55.12.1",
      );
    }
    era = findEra(match[1]!);
    const eraYear = match[2] === "元" ? 1 : Number(match[2]);
    if (eraYear < 1) return fail("impossible", "era year must be 1 (元年) or more");
    y = ERAS[era]!.start[0] + eraYear - 1;
    m = Number(match[3]);
    d = Number(match[4]);
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    return fail("impossible", iso(y, m, d) + " is not a date in the calendar", iso(y, m, d));
  const value = iso(y, m, d);
  if (era >= 0) {
    const start = ERAS[era]!.start;
    const next = ERAS[era + 1];
    if (
      value < iso(start[0], start[1], start[2]) ||
      (next && value >= iso(next.start[0], next.start[1], next.start[2]))
    ) {
      const until = next ? iso(next.start[0], next.start[1], next.start[2]) : "";
      const outside = fail(
        "outside-era",
        ERAS[era]!.names[0] +
          " runs from " +
          iso(start[0], start[1], start[2]) +
          (until ? " to the day before " + until : " onwards") +
          "; " +
          value +
          " is outside it",
        value,
      );
      outside.era = ERAS[era]!.names[0];
      outside.eraFrom = iso(start[0], start[1], start[2]);
      // The era's last day, the day before the next one began (none for the current era).
      const last = next ? new Date(Date.UTC(next.start[0], next.start[1] - 1, next.start[2] - 1)) : undefined;
      outside.eraUntil = last ? iso(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate()) : "";
      return outside;
    }
  }
  const now = today || new Date();
  if (value > iso(now.getFullYear(), now.getMonth() + 1, now.getDate()))
    return fail("future", value + " is in the future", value);
  if (y < OLDEST_YEAR) return fail("too-old", value + " is before " + OLDEST_YEAR, value);
  return { ok: true, value: value };
}
