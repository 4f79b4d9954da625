import { FIELDS, HeaderError, mapHeader, type Field } from "./columns.js";
import { describeKey, describePersonNumber, memberKey, personNumberOf } from "../rules/member-key.js";
import { normalizeUserId } from "../rules/user-id.js";
import { detectEncoding, FileReadError, readRecords, type FileEncoding } from "./read-file.js";
import { validateRow, type MemberRow, type RowError } from "./validate.js";

/**
 * Reading a member register takes two passes over the file: the first validates every row and
 * finds duplicate user IDs and cards (which needs the whole file), the second streams the valid
 * members to the writer. Neither pass keeps the rows; only user IDs, card keys and the invalid
 * line numbers are kept.
 */

export interface ReadOptions {
  encoding?: FileEncoding;
  today?: Date;
}

export interface ValidationSummary {
  file: string;
  encoding: FileEncoding;
  total: number;
  valid: number;
  invalid: number;
  errors: RowError[];
  invalidLines: Set<number>;
  /** Card keys (memberKey) and person numbers that invalid rows carry. */
  invalidKeys: Set<string>;
  /** Every person number in the file (rows valid or not). */
  personNumbers: Set<string>;
}

export { FileReadError, HeaderError };

type Values = Record<Field, string>;

async function* rows(
  file: string,
  encoding: FileEncoding,
): AsyncGenerator<{ line: number; values: Values; extra?: string; lastField?: Field }> {
  let columns: Map<Field, number> | undefined;
  let lastField: Field | undefined;
  let width = 0;
  for await (const record of readRecords(file, encoding)) {
    if (!columns) {
      if (record.line !== 1) throw new HeaderError(`the header must be on line 1 (found on line ${record.line})`);
      columns = mapHeader(record.fields);
      // An overflowing row is reported on the header's last column.
      lastField = [...columns].sort((a, b) => b[1] - a[1])[0]?.[0];
      width = record.fields.length;
      continue;
    }
    const values = Object.fromEntries(
      FIELDS.map((f) => [f, columns!.has(f) ? (record.fields[columns!.get(f)!] ?? "") : ""]),
    ) as Values;
    const overflow = record.fields.slice(width).filter((v) => v.trim() !== "");
    yield {
      line: record.line,
      values,
      ...(overflow.length > 0
        ? { extra: `row has ${record.fields.length} fields but the header has ${width}`, lastField }
        : {}),
    };
  }
  if (!columns) throw new HeaderError("the file is empty: no header line");
}

export async function validateFile(file: string, options: ReadOptions = {}): Promise<ValidationSummary> {
  const encoding = options.encoding ?? (await detectEncoding(file));
  const errors: RowError[] = [];
  const invalidLines = new Set<number>();
  const linesById = new Map<string, number[]>();
  const linesByCard = new Map<string, number[]>();
  const linesByPerson = new Map<string, number[]>();
  let total = 0;
  for await (const { line, values, extra, lastField } of rows(file, encoding)) {
    total += 1;
    const result = validateRow(line, values, options.today);
    if (extra) result.errors.push({ line, field: lastField ?? FIELDS[FIELDS.length - 1]!, message: extra });
    if (result.errors.length > 0) {
      errors.push(...result.errors);
      invalidLines.add(line);
    }
    const id = result.row?.userId ?? normalizeUserId(values.user_id);
    if (id !== "") linesById.set(id, [...(linesById.get(id) ?? []), line]);
    // A row invalid for another reason still holds its card: once fixed it would be the same person.
    const card = memberKey(values.symbol, values.number, values.branch);
    if (card !== undefined) linesByCard.set(card, [...(linesByCard.get(card) ?? []), line]);
    const person = personNumberOf(values.person_number);
    if (person !== "") linesByPerson.set(person, [...(linesByPerson.get(person) ?? []), line]);
  }
  const repeated = (
    linesOf: Map<string, number[]>,
    error: (value: string, others: string) => Pick<RowError, "field" | "message">,
  ) => {
    for (const [value, lines] of linesOf) {
      if (lines.length < 2) continue;
      for (const line of lines) {
        errors.push({ line, ...error(value, lines.filter((l) => l !== line).join(", ")) });
        invalidLines.add(line);
      }
    }
  };
  repeated(linesById, (id, others) => ({
    field: "user_id",
    message: `user_id "${id}" appears more than once (also on line ${others}); user IDs are compared in lower case`,
  }));
  // Two rows with one card would be one member written twice, or two people sharing one account.
  repeated(linesByCard, (card, others) => ({
    field: "number",
    message: `the card (${describeKey(card)}) appears more than once (also on line ${others}); each member needs their own card, family members their 枝番`,
  }));
  repeated(linesByPerson, (person, others) => ({
    field: "person_number",
    message: `the person number (${describePersonNumber(person)}) appears more than once (also on line ${others}); it names one person`,
  }));
  // What an invalid row names: a register sync must not take its member for one who left.
  const invalidKeys = new Set<string>();
  for (const [value, lines] of [...linesByCard, ...linesByPerson])
    if (lines.some((l) => invalidLines.has(l))) invalidKeys.add(value);
  errors.sort((a, b) => a.line - b.line || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));
  return {
    file,
    encoding,
    total,
    valid: total - invalidLines.size,
    invalid: invalidLines.size,
    errors,
    invalidLines,
    invalidKeys,
    personNumbers: new Set(linesByPerson.keys()),
  };
}

/** The second pass: valid members in file order; rows found invalid in the first pass are left out. */
export async function* validMembers(summary: ValidationSummary, options: ReadOptions = {}): AsyncGenerator<MemberRow> {
  for await (const { line, values } of rows(summary.file, summary.encoding)) {
    if (summary.invalidLines.has(line)) continue;
    const { row } = validateRow(line, values, options.today);
    if (row) yield row;
  }
}
