import { t } from "../admin-messages/catalogue.js";

/** The member register's columns: Japanese or English header names, as exported from Excel. */
export const FIELDS = [
  "user_id",
  "symbol",
  "number",
  "branch",
  "birthdate",
  "last_name",
  "first_name",
  "email",
  "person_number",
] as const;
export type Field = (typeof FIELDS)[number];

export const REQUIRED_FIELDS: Field[] = ["user_id", "symbol", "number", "birthdate", "last_name", "first_name"];

/** A column the file may have: a field, or the whole name (氏名) that is split into 姓 and 名. */
type Column = Field | "full_name";

/**
 * Header spellings met in registers exported from Excel, compared after headerKey(): NFKC (full-width letters
 * and half-width katakana such as ｰ fold), no spaces ("氏 名"), lower case. ユーザ/ユーザー are both in use.
 */
const HEADER_NAMES: Record<string, Column> = {
  ユーザid: "user_id",
  ユーザーid: "user_id",
  利用者id: "user_id",
  user_id: "user_id",
  userid: "user_id",
  記号: "symbol",
  被保険者記号: "symbol",
  symbol: "symbol",
  番号: "number",
  被保険者番号: "number",
  number: "number",
  枝番: "branch",
  branch: "branch",
  生年月日: "birthdate",
  birthdate: "birthdate",
  姓: "last_name",
  氏: "last_name",
  last_name: "last_name",
  名: "first_name",
  first_name: "first_name",
  氏名: "full_name",
  名前: "full_name",
  full_name: "full_name",
  メールアドレス: "email",
  メール: "email",
  email: "email",
  // The society's own number for the person; both names are in use.
  個人番号: "person_number",
  加入者番号: "person_number",
  person_number: "person_number",
};

/** How errors name a field the file has no column for (the register's usual Japanese headers). */
export const DEFAULT_LABELS: Record<Field, string> = {
  user_id: "ユーザID",
  symbol: "記号",
  number: "番号",
  branch: "枝番",
  birthdate: "生年月日",
  last_name: "姓",
  first_name: "名",
  email: "メールアドレス",
  person_number: "個人番号",
};

const HEADER_HELP =
  "ユーザID/user_id, 記号/symbol, 番号/number, 枝番/branch, 生年月日/birthdate, 姓/last_name, 名/first_name (or 氏名/full_name), メールアドレス/email, 個人番号 or 加入者番号/person_number";

export class HeaderError extends Error {}

/** A header cell as compared: NFKC, no BOM, no spaces anywhere (full-width ones included), lower case. */
export function headerKey(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .toLowerCase();
}

export interface RegisterHeader {
  columns: Map<Field, number>;
  /** The 氏名 column, when the file gives the whole name instead of 姓 and 名. */
  fullName?: number;
  /** Each field as the file's header names it (trimmed), for messages: 記号, not symbol. */
  labels: Record<Field, string>;
  width: number;
}

/** Column index of each field; unknown (and not ignored), repeated and missing columns are errors naming them. */
export function mapHeader(header: string[], ignoreColumns: readonly string[] = []): RegisterHeader {
  const ignored = new Set(ignoreColumns.map(headerKey));
  const columns = new Map<Field, number>();
  const labels = { ...DEFAULT_LABELS };
  const unknown: string[] = [];
  let fullName: { index: number; label: string } | undefined;
  header.forEach((raw, index) => {
    const key = headerKey(raw);
    if (key === "" || ignored.has(key)) return;
    const label = raw.replace(/^\uFEFF/, "").trim();
    const column = HEADER_NAMES[key];
    if (!column) {
      unknown.push(label);
      return;
    }
    if (column === "full_name") {
      if (fullName) throw new HeaderError(t("headerTwice", { column: label, field: column }));
      fullName = { index, label };
      return;
    }
    if (columns.has(column)) throw new HeaderError(t("headerTwice", { column: label, field: column }));
    columns.set(column, index);
    labels[column] = label;
  });
  if (unknown.length > 0) {
    throw new HeaderError(
      t("headerUnknown", {
        columns: unknown.map((u) => `"${u}"`).join(", "),
        expected: HEADER_HELP,
        suggestion: unknown.join(","),
      }),
    );
  }
  if (fullName) {
    if (columns.has("last_name") || columns.has("first_name"))
      throw new HeaderError(
        t("headerNameParts", { column: fullName.label, last: labels.last_name, first: labels.first_name }),
      );
    labels.last_name = fullName.label;
    labels.first_name = fullName.label;
  }
  const missing = REQUIRED_FIELDS.filter(
    (f) => !columns.has(f) && !(fullName && (f === "last_name" || f === "first_name")),
  );
  if (missing.length > 0)
    throw new HeaderError(
      t("headerMissing", { columns: missing.map((f) => `${DEFAULT_LABELS[f]} (${f})`).join(", ") }),
    );
  return { columns, labels, width: header.length, ...(fullName ? { fullName: fullName.index } : {}) };
}

/**
 * 氏名 as 姓 and 名: split at the first space (full-width or half-width). Undefined when there is none: which
 * part is the family name cannot be guessed.
 */
export function splitFullName(value: string): { last: string; first: string } | undefined {
  const parts = value.normalize("NFKC").trim().split(/\s+/);
  if (parts.length < 2 || parts[0] === "") return undefined;
  return { last: parts[0]!, first: parts.slice(1).join(" ") };
}
