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

const HEADER_NAMES: Record<string, Field> = {
  ユーザid: "user_id",
  user_id: "user_id",
  記号: "symbol",
  symbol: "symbol",
  番号: "number",
  number: "number",
  枝番: "branch",
  branch: "branch",
  生年月日: "birthdate",
  birthdate: "birthdate",
  姓: "last_name",
  last_name: "last_name",
  名: "first_name",
  first_name: "first_name",
  メールアドレス: "email",
  email: "email",
  // The society's own number for the person; both names are in use.
  個人番号: "person_number",
  加入者番号: "person_number",
  person_number: "person_number",
};

const HEADER_HELP =
  "ユーザID/user_id, 記号/symbol, 番号/number, 枝番/branch, 生年月日/birthdate, 姓/last_name, 名/first_name, メールアドレス/email, 個人番号 or 加入者番号/person_number";

export class HeaderError extends Error {}

/** Column index of each field; unknown, repeated and missing columns are errors naming them. */
export function mapHeader(header: string[]): Map<Field, number> {
  const columns = new Map<Field, number>();
  const unknown: string[] = [];
  header.forEach((raw, index) => {
    const name = raw
      .normalize("NFKC")
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, "");
    if (name === "") return;
    const field = HEADER_NAMES[name];
    if (!field) {
      unknown.push(raw.trim());
      return;
    }
    if (columns.has(field)) throw new HeaderError(`column "${raw.trim()}" appears twice (as ${field})`);
    columns.set(field, index);
  });
  if (unknown.length > 0) {
    throw new HeaderError(`unknown column(s): ${unknown.map((u) => `"${u}"`).join(", ")}; expected ${HEADER_HELP}`);
  }
  const missing = REQUIRED_FIELDS.filter((f) => !columns.has(f));
  if (missing.length > 0) throw new HeaderError(`missing column(s): ${missing.join(", ")}`);
  return columns;
}
