import { cleanField, isDigits } from "./text.js";

/**
 * Who a member is: the card, 記号 + 番号 + 枝番 as printed (leading zeros kept, no 枝番 is its own
 * value), never the user ID, which the member may change at ⑤. The import, the register file's
 * duplicate check and the realm lookup all compare this key, so it is built in this one place.
 * ES5-clean, so the authenticators can use it too.
 */
export function memberKey(
  symbol: string | null | undefined,
  number: string | null | undefined,
  branch?: string | null,
): string | undefined {
  const s = cleanField(symbol);
  const n = cleanField(number);
  const b = cleanField(branch);
  // An account without card data (e.g. made by hand in the admin console) is nobody's card.
  if (!isDigits(s) || !isDigits(n) || (b !== "" && !isDigits(b))) return undefined;
  return s + "/" + n + "/" + b;
}

/** Card numbers are personal data: messages show only their ends. */
export function maskNumber(value: string): string {
  if (value.length <= 4) return value.replace(/./g, "*");
  return value.slice(0, 2) + value.slice(2, -2).replace(/./g, "*") + value.slice(-2);
}

/** A key as admins read it on the card, 番号 masked: "記号 12 番号 34***89 枝番 00". */
export function describeKey(key: string): string {
  const parts = key.split("/");
  return "記号 " + parts[0] + " 番号 " + maskNumber(parts[1] || "") + (parts[2] ? " 枝番 " + parts[2] : "");
}

/**
 * The society's own number for a person (個人番号 / 加入者番号 in the register), as stored: letters upper-cased,
 * width folded. It survives a new card, so the register sync matches by it first. The Keycloak user profile
 * validates the same pattern.
 */
export const PERSON_NUMBER_PATTERN = "^[0-9A-Z-]{1,20}$";

export function personNumberOf(input: string | null | undefined): string {
  return cleanField(input).toUpperCase();
}

/** A person number in messages: like 番号, only its ends. */
export function describePersonNumber(value: string): string {
  return "個人番号 " + maskNumber(value);
}
