/**
 * Width folding that runs everywhere our code runs: Node and Keycloak's Nashorn (ES5.1, no
 * String.prototype.normalize). Only what members type into our forms and admins export from
 * Excel needs folding: full-width ASCII (Ａ１！…), the ideographic space, and the long-vowel-like
 * dashes Japanese IMEs put into numbers.
 */

const FULLWIDTH_START = 0xff01; // "！"
const FULLWIDTH_END = 0xff5e; // "～"
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;
/** ー − ‐ ‑ – — ― ﹣ : all typed as "-" in dates by someone, somewhere. */
const DASHES = [0x30fc, 0x2212, 0x2010, 0x2011, 0x2013, 0x2014, 0x2015, 0xfe63];

export function toHalfWidth(input: string): string {
  let out = "";
  for (let i = 0; i < input.length; i += 1) {
    const code = input.charCodeAt(i);
    if (code >= FULLWIDTH_START && code <= FULLWIDTH_END) out += String.fromCharCode(code - FULLWIDTH_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += " ";
    else if (DASHES.indexOf(code) >= 0) out += "-";
    else out += input.charAt(i);
  }
  return out;
}

/** Half-width, trimmed (String.prototype.trim is ES5). */
export function cleanField(input: string | null | undefined): string {
  return toHalfWidth(input == null ? "" : String(input)).trim();
}

export function isDigits(value: string): boolean {
  return /^[0-9]+$/.test(value);
}
