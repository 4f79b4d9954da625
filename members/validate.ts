import { z } from "zod";
import { t, type MessageKey } from "../admin-messages/catalogue.js";
import { parseBirthdate, type BirthdateFailure, type BirthdateReason } from "../rules/birthdate.js";
import type { Field } from "./columns.js";
import { maskNumber, PERSON_NUMBER_PATTERN, personNumberOf } from "../rules/member-key.js";
import { normalizeUserId, USER_ID_RULE } from "../rules/user-id.js";

// Still importable from here; the masking rule lives with the member key, ES5-clean.
export { maskNumber };

/** One member as the import writes it: normalized and valid. */
export interface MemberRow {
  line: number;
  userId: string;
  symbol: string;
  number: string;
  branch?: string;
  birthdate: string;
  lastName: string;
  firstName: string;
  email?: string;
  /** The society's own number for the person (個人番号 / 加入者番号), when the register has the column. */
  personNumber?: string;
}

export interface RowError {
  line: number;
  field: Field;
  /** The field's column as the file's header names it (記号, not symbol). */
  column: string;
  message: string;
}

/** The schema's error texts are message keys, worded with the column's name when reported. */
type RowMessage = Extract<
  MessageKey,
  | "rowEmpty"
  | "rowTooLong"
  | "rowControlCharacters"
  | "rowUserId"
  | "rowSymbol"
  | "rowNumber"
  | "rowBranch"
  | "rowEmail"
  | "rowPersonNumber"
>;
const m = (key: RowMessage) => key;

const nfkc = (v: string) => v.normalize("NFKC").trim();

const name = () =>
  z
    .string()
    .transform(nfkc)
    .pipe(
      z
        .string()
        .min(1, { error: m("rowEmpty"), abort: true })
        .max(100, m("rowTooLong"))
        // eslint-disable-next-line no-control-regex -- control characters are what this rejects
        .regex(/^[^\u0000-\u001f\u007f]*$/, m("rowControlCharacters")),
    );

const rowSchema = z.object({
  user_id: z
    .string()
    .transform(normalizeUserId)
    .pipe(
      z
        .string()
        .min(1, { error: m("rowEmpty"), abort: true })
        .regex(USER_ID_RULE, m("rowUserId")),
    ),
  symbol: z
    .string()
    .transform(nfkc)
    .pipe(
      z
        .string()
        .min(1, { error: m("rowEmpty"), abort: true })
        .regex(/^[0-9]{1,8}$/, m("rowSymbol")),
    ),
  number: z
    .string()
    .transform(nfkc)
    .pipe(
      z
        .string()
        .min(1, { error: m("rowEmpty"), abort: true })
        .regex(/^[0-9]{1,10}$/, m("rowNumber")),
    ),
  branch: z
    .string()
    .transform(nfkc)
    .pipe(z.string().regex(/^[0-9]{0,3}$/, m("rowBranch"))),
  birthdate: z.string(),
  last_name: name(),
  first_name: name(),
  email: z
    .string()
    .transform(nfkc)
    .pipe(z.union([z.literal(""), z.string().email(m("rowEmail"))])),
  person_number: z
    .string()
    .transform(personNumberOf)
    .pipe(z.union([z.literal(""), z.string().regex(new RegExp(PERSON_NUMBER_PATTERN), m("rowPersonNumber"))])),
});

function shown(field: Field, value: string): string {
  const trimmed = value.trim();
  if (field === "number" || field === "person_number") return t("rowGot", { value: maskNumber(nfkc(trimmed)) });
  return trimmed === "" ? "" : t("rowGot", { value: trimmed.length > 40 ? `${trimmed.slice(0, 37)}…` : trimmed });
}

function birthdateMessage(column: string, failure: BirthdateFailure): string {
  const date = failure.date ?? "";
  const byReason: Record<BirthdateReason, () => string> = {
    empty: () => t("rowEmpty", { column }),
    format: () => t("birthdateFormat", { column }),
    impossible: () => (date ? t("birthdateImpossible", { column, date }) : t("birthdateEraYear", { column })),
    "outside-era": () =>
      t("birthdateOutsideEra", {
        column,
        date,
        era: failure.era ?? "",
        from: failure.eraFrom ?? "",
        until: failure.eraUntil ?? "",
      }),
    future: () => t("birthdateFuture", { column, date }),
    "too-old": () => t("birthdateTooOld", { column, date }),
  };
  return byReason[failure.reason]();
}

/** `labels`: each field's column as the file names it; messages say 生年月日 where the header says so. */
export function validateRow(
  line: number,
  values: Record<Field, string>,
  today?: Date,
  labels: Partial<Record<Field, string>> = {},
): { row?: MemberRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const label = (field: Field) => labels[field] ?? field;
  const parsed = rowSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      const column = label(field);
      errors.push({
        line,
        field,
        column,
        message: `${t(issue.message as RowMessage, { column })}${shown(field, values[field] ?? "")}`,
      });
    }
  }
  const birthdate = parseBirthdate(values.birthdate, today);
  if (!birthdate.ok) {
    const column = label("birthdate");
    errors.push({
      line,
      field: "birthdate",
      column,
      message: `${birthdateMessage(column, birthdate)}${shown("birthdate", values.birthdate ?? "")}`,
    });
  }
  if (errors.length > 0 || !parsed.success || !birthdate.ok) return { errors };
  const v = parsed.data;
  return {
    errors,
    row: {
      line,
      userId: v.user_id,
      symbol: v.symbol,
      number: v.number,
      ...(v.branch ? { branch: v.branch } : {}),
      birthdate: birthdate.value,
      lastName: v.last_name,
      firstName: v.first_name,
      ...(v.email ? { email: v.email.toLowerCase() } : {}),
      ...(v.person_number ? { personNumber: v.person_number } : {}),
    },
  };
}
