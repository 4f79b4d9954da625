import { parseBirthdate } from "./birthdate.js";
import { cleanField, isDigits } from "./text.js";

/**
 * The one place of the initial-password rule: 記号 + 番号 + 生年月日 (YYYYMMDD), as printed on the
 * insurance card. 記号 12, 番号 3456789, born 1980-12-01 → "12345678919801201".
 * Leading zeros of 記号 and 番号 are kept exactly: they are part of what the member reads off the card.
 * ES5-clean: the birthdate authenticator runs this on Keycloak's Nashorn too.
 */

export interface CardNumbers {
  symbol: string;
  number: string;
  /** Any format parseBirthdate accepts; YYYY-MM-DD as stored on the member. */
  birthdate: string;
}

export type InitialPasswordResult =
  { ok: true; password: string } | { ok: false; field: "symbol" | "number" | "birthdate"; message: string };

export function initialPasswordOf(card: CardNumbers, today?: Date): InitialPasswordResult {
  const symbol = cleanField(card.symbol);
  const number = cleanField(card.number);
  if (!isDigits(symbol)) return { ok: false, field: "symbol", message: "記号 (symbol) must be digits" };
  if (!isDigits(number)) return { ok: false, field: "number", message: "番号 (number) must be digits" };
  const birthdate = parseBirthdate(card.birthdate, today);
  if (!birthdate.ok) return { ok: false, field: "birthdate", message: birthdate.message };
  return { ok: true, password: symbol + number + birthdate.value.split("-").join("") };
}

/** For callers whose input is already validated (the import, the reset): throws instead. */
export function initialPassword(card: CardNumbers): string {
  const result = initialPasswordOf(card);
  if (!result.ok) throw new Error(`cannot derive the initial password: ${result.field}: ${result.message}`);
  return result.password;
}
