import { EMAIL_CODE } from "../contracts/index.js";
import { cleanField } from "./text.js";

/**
 * The email check's pure parts, shared by the authenticator (Nashorn, ES5) and the tests: what a
 * typed code becomes, how a code is written, how an address is shown, which addresses we accept.
 */

/** Members type codes with full-width digits, spaces or a dash in the middle (123 456, １２３-４５６). */
export function normalizeCode(input: string | null | undefined): string {
  return cleanField(input).replace(/[\s-]/g, "");
}

export function isWellFormedCode(code: string): boolean {
  return code.length === EMAIL_CODE.digits && /^[0-9]+$/.test(code);
}

/** A number in [0, 10^digits) written with its leading zeros: 42 → "000042". */
export function formatCode(n: number): string {
  let code = String(Math.floor(Math.abs(n)) % Math.pow(10, EMAIL_CODE.digits));
  while (code.length < EMAIL_CODE.digits) code = "0" + code;
  return code;
}

/**
 * The register's address, as shown to whoever is at the login: enough for the member to recognise
 * it (the first character and the domain), too little for someone who knows only the card to learn it.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return address.charAt(0) + "***" + address.slice(at);
}

/**
 * What a member may type as their address (only where the society lets members without an address
 * on file enter one): one @, a dot in the domain, no spaces, at most 254 characters. The code sent to
 * it is the real check.
 */
export function isPlausibleEmail(address: string): boolean {
  return address.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(address);
}
