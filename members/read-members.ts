import { t } from "../admin-messages/catalogue.js";
import {
  DEFAULT_LABELS,
  FIELDS,
  HeaderError,
  mapHeader,
  splitFullName,
  type Field,
  type RegisterHeader,
} from "./columns.js";
import { describeKey, describePersonNumber, memberKey, personNumberOf } from "../rules/member-key.js";
import { normalizeUserId } from "../rules/user-id.js";
import { ScratchLines, type KeySet } from "./scratch-db.js";
import { detectEncoding, FileReadError, readRecords, type FileEncoding } from "./read-file.js";
import { validateRow, type MemberRow, type RowError } from "./validate.js";

/**
 * Reading a member register takes two passes over the file: the first validates every row and
 * finds duplicate user IDs and cards (which needs the whole file), the second streams the valid
 * members to the writer. Neither pass keeps the rows: user IDs, cards and person numbers go to an
 * index on disk (scratch-db.ts), and only the invalid rows' lines and errors stay in memory.
 */

export interface ReadOptions {
  encoding?: FileEncoding;
  today?: Date;
  /** Header names of columns to leave unread (備考, メモ): --ignore-columns and the config's register.ignoreColumns. */
  ignoreColumns?: readonly string[];
}

export interface ValidationSummary {
  file: string;
  encoding: FileEncoding;
  total: number;
  valid: number;
  invalid: number;
  errors: RowError[];
  invalidLines: Set<number>;
  /** Each field as the file's header names it (記号, not symbol), for messages about the file's rows. */
  labels: Record<Field, string>;
  /** The columns left unread, so the second pass reads the file as the first did. */
  ignoreColumns: readonly string[];
  /** Card keys (memberKey) and person numbers that invalid rows carry. */
  invalidKeys: Set<string>;
  /** Every person number in the file (rows valid or not): looked up on disk, one at a time. */
  personNumbers: KeySet;
  /** Frees the disk index behind personNumbers (which throws after it); the rest of the summary stays readable. */
  close(): void;
}

export { FileReadError, HeaderError };

type Values = Record<Field, string>;

interface Row {
  line: number;
  values: Values;
  labels: Record<Field, string>;
  /** Problems found while reading the row (surplus fields, a 氏名 without a space): they replace the field's own. */
  problems: RowError[];
}

function rowOf(header: RegisterHeader, line: number, fields: string[]): Row {
  const { columns, labels, width, fullName } = header;
  const values = Object.fromEntries(
    FIELDS.map((f) => [f, columns.has(f) ? (fields[columns.get(f)!] ?? "") : ""]),
  ) as Values;
  const problems: RowError[] = [];
  if (fullName !== undefined) {
    const whole = fields[fullName] ?? "";
    const split = splitFullName(whole);
    values.last_name = split?.last ?? whole;
    values.first_name = split?.first ?? "";
    if (!split && whole.trim() !== "")
      problems.push({
        line,
        field: "first_name",
        column: labels.first_name,
        message: t("rowFullNameSplit", { column: labels.first_name }),
      });
  }
  const overflow = fields.slice(width).filter((v) => v.trim() !== "");
  if (overflow.length > 0) {
    // Reported on the header's last column, where the surplus fields begin.
    const last = [...columns].sort((a, b) => b[1] - a[1])[0]?.[0] ?? FIELDS[FIELDS.length - 1]!;
    problems.push({
      line,
      field: last,
      column: labels[last],
      message: t("rowExtraFields", { fields: fields.length, width }),
    });
  }
  return { line, values, labels, problems };
}

async function* rows(file: string, encoding: FileEncoding, ignoreColumns: readonly string[] = []): AsyncGenerator<Row> {
  let header: RegisterHeader | undefined;
  for await (const record of readRecords(file, encoding)) {
    if (!header) {
      if (record.line !== 1) throw new HeaderError(t("headerNotFirstLine", { line: record.line }));
      header = mapHeader(record.fields, ignoreColumns);
      continue;
    }
    yield rowOf(header, record.line, record.fields);
  }
  if (!header) throw new HeaderError(t("fileEmpty"));
}

export async function validateFile(file: string, options: ReadOptions = {}): Promise<ValidationSummary> {
  const encoding = options.encoding ?? (await detectEncoding(file));
  const errors: RowError[] = [];
  const invalidLines = new Set<number>();
  const lines = new ScratchLines<"user_id" | "card" | "person">();
  try {
    let total = 0;
    let labels: Record<Field, string> | undefined;
    for await (const row of rows(file, encoding, options.ignoreColumns)) {
      const { line, values, problems } = row;
      labels = row.labels;
      total += 1;
      const result = validateRow(line, values, options.today, labels);
      result.errors = [...result.errors.filter((e) => !problems.some((p) => p.field === e.field)), ...problems];
      if (result.errors.length > 0) {
        errors.push(...result.errors);
        invalidLines.add(line);
      }
      const id = result.row?.userId ?? normalizeUserId(values.user_id);
      if (id !== "") lines.add("user_id", id, line);
      // A row invalid for another reason still holds its card: once fixed it would be the same person.
      const card = memberKey(values.symbol, values.number, values.branch);
      if (card !== undefined) lines.add("card", card, line);
      const person = personNumberOf(values.person_number);
      if (person !== "") lines.add("person", person, line);
    }
    const repeated = (
      kind: "user_id" | "card" | "person",
      field: Field,
      message: (value: string, others: string) => string,
    ) => {
      for (const [value, seen] of lines.repeats(kind)) {
        for (const line of seen) {
          const others = seen.filter((l) => l !== line).join(", ");
          errors.push({ line, field, column: labels![field], message: message(value, others) });
          invalidLines.add(line);
        }
      }
    };
    repeated("user_id", "user_id", (userId, others) =>
      t("rowDuplicateUserId", { column: labels!.user_id, userId, lines: others }),
    );
    // Two rows with one card would be one member written twice, or two people sharing one account.
    repeated("card", "number", (card, others) => t("rowDuplicateCard", { card: describeKey(card), lines: others }));
    repeated("person", "person_number", (person, others) =>
      t("rowDuplicatePerson", { person: describePersonNumber(person), lines: others }),
    );
    // What an invalid row names: a register sync must not take its member for one who left.
    const invalidKeys = new Set<string>();
    for (const line of invalidLines)
      for (const value of lines.valuesOn(["card", "person"], line)) invalidKeys.add(value);
    errors.sort((a, b) => a.line - b.line || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));
    return {
      file,
      encoding,
      total,
      valid: total - invalidLines.size,
      invalid: invalidLines.size,
      errors,
      invalidLines,
      labels: labels ?? DEFAULT_LABELS,
      ignoreColumns: options.ignoreColumns ?? [],
      invalidKeys,
      personNumbers: lines.keySet("person"),
      close: () => lines.close(),
    };
  } catch (error) {
    lines.close();
    throw error;
  }
}

/** The second pass: valid members in file order; rows found invalid in the first pass are left out. */
export async function* validMembers(summary: ValidationSummary, options: ReadOptions = {}): AsyncGenerator<MemberRow> {
  for await (const { line, values, labels } of rows(summary.file, summary.encoding, summary.ignoreColumns)) {
    if (summary.invalidLines.has(line)) continue;
    const { row } = validateRow(line, values, options.today, labels);
    if (row) yield row;
  }
}
