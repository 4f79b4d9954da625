import en from "keycloakify/login/i18n/messages_defaultSet/en";
import type { Locale } from "../../../contracts";

/**
 * Stands in for Keycloakify's `messages_defaultSet/index` (vite.config.ts points its import here): Keycloak's
 * default texts for the realm's languages only. Keycloakify's own switch imports ~30 languages, and the
 * bundler emits a chunk for each; a member can only ever get one of LOCALES. English stays in the entry
 * chunk, as in Keycloakify (it is also the fallback for missing keys).
 */
type Messages = typeof en;

const load: Record<Locale, () => Promise<Messages>> = {
  ja: () => import("keycloakify/login/i18n/messages_defaultSet/ja").then((m) => m.default as Messages),
  en: () => Promise.resolve(en),
};

export async function fetchMessages_defaultSet(currentLanguageTag: string): Promise<Messages | Record<string, never>> {
  return currentLanguageTag in load ? load[currentLanguageTag as Locale]() : {};
}
