import { en } from "./en.js";
import { ja } from "./ja.js";

/**
 * The CLI's words for admins, English or Japanese by the locale (LC_ALL, else LC_MESSAGES, else LANG, as POSIX
 * orders them): `ja_JP.UTF-8`, `ja_JP`, `ja` → Japanese; anything else → English. Keys and their parameters are
 * typed from en.ts, so a call with a missing or misspelled parameter does not compile.
 */

export type MessageKey = keyof typeof en;
export type Locale = "en" | "ja";

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;
type ParamsArg<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [MessageParams<K>];

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, ja };

export function localeOf(env: NodeJS.ProcessEnv = process.env): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^ja([_.@-]|$)/i.test(value) ? "ja" : "en";
}

/** The parameter names a message text uses, in order of first use. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
}

export function format(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The message in the admin's locale, read at each call (a test or a wrapper may set LANG). */
export function t<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string {
  return format(localeOf(), key, params[0]);
}
