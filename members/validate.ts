import { z } from "zod";
import { parseBirthdate } from "../rules/birthdate.js";
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
  message: string;
}

const nfkc = (v: string) => v.normalize("NFKC").trim();

const name = () =>
  z
    .string()
    .transform(nfkc)
    .pipe(
      z
        .string()
        .min(1, { error: "is empty", abort: true })
        .max(100, "is longer than 100 characters")
        // eslint-disable-next-line no-control-regex -- control characters are what this rejects
        .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain line breaks or control characters"),
    );

const rowSchema = z.object({
  user_id: z
    .string()
    .transform(normalizeUserId)
    .pipe(
      z
        .string()
        .min(1, { error: "is empty", abort: true })
        .regex(USER_ID_RULE, "must be 3–64 characters: a–z, 0–9, '.', '_', '-', '@', starting with a letter or digit"),
    ),
  symbol: z
    .string()
    .transform(nfkc)
    .pipe(
      z
        .string()
        .min(1, { error: "is empty", abort: true })
        .regex(/^[0-9]{1,8}$/, "must be 1–8 digits"),
    ),
  number: z
    .string()
    .transform(nfkc)
    .pipe(
      z
        .string()
        .min(1, { error: "is empty", abort: true })
        .regex(/^[0-9]{1,10}$/, "must be 1–10 digits"),
    ),
  branch: z
    .string()
    .transform(nfkc)
    .pipe(z.string().regex(/^[0-9]{0,3}$/, "must be up to 3 digits")),
  birthdate: z.string(),
  last_name: name(),
  first_name: name(),
  email: z
    .string()
    .transform(nfkc)
    .pipe(z.union([z.literal(""), z.string().email("is not an email address")])),
  person_number: z
    .string()
    .transform(personNumberOf)
    .pipe(
      z.union([
        z.literal(""),
        z.string().regex(new RegExp(PERSON_NUMBER_PATTERN), "must be 1–20 letters, digits or '-'"),
      ]),
    ),
});

function shown(field: Field, value: string): string {
  const trimmed = value.trim();
  if (field === "number" || field === "person_number") return ` (got "${maskNumber(nfkc(trimmed))}")`;
  return trimmed === "" ? "" : ` (got "${trimmed.length > 40 ? `${trimmed.slice(0, 37)}…` : trimmed}")`;
}

export function validateRow(
  line: number,
  values: Record<Field, string>,
  today?: Date,
): { row?: MemberRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const parsed = rowSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      errors.push({ line, field, message: `${field} ${issue.message}${shown(field, values[field] ?? "")}` });
    }
  }
  const birthdate = parseBirthdate(values.birthdate, today);
  if (!birthdate.ok)
    errors.push({
      line,
      field: "birthdate",
      message: `birthdate ${birthdate.message}${shown("birthdate", values.birthdate ?? "")}`,
    });
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
