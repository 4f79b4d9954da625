import { createGetKcContextMock } from "keycloakify/login/KcContext";
import { FORM_ATTRIBUTE, PAGE, REALM_TEXT, type RealmTextKey } from "../../../contracts";
import type { KcContext, KcContextExtension, KcContextExtensionPerPage } from "./KcContext";
import type { RealmPasswordPolicies } from "./pages/LoginUpdatePassword";

/**
 * Mock kcContexts for tests, stories and screenshots: Keycloakify's mocks, in Japanese, with the
 * languages our realms enable. (Kept apart from kc.gen.tsx, which only Vite can load.)
 */
const kcContextExtension: KcContextExtension = {
  themeName: "kenpo",
  // As vite.config.ts declares them: each property names its realm text.
  properties: Object.fromEntries(Object.values(REALM_TEXT).map((key) => [`kenpoText_${key}`, key])),
};

// Keyed by the contract's page ids: tsc fails here when KcContext.ts spells a custom page differently.
const kcContextExtensionPerPage: KcContextExtensionPerPage = {
  [PAGE.birthdate]: {},
  [PAGE.terms]: {},
  [PAGE.methodChoice]: { [FORM_ATTRIBUTE.currentUserId]: "yamada.taro" },
  [PAGE.emailCode]: {
    [FORM_ATTRIBUTE.emailShown]: "t***@example.jp",
    [FORM_ATTRIBUTE.emailCodeMinutes]: 10,
  },
};

const languages = [
  { languageTag: "ja", label: "日本語", url: "?kc_locale=ja" },
  { languageTag: "en", label: "English", url: "?kc_locale=en" },
];

/**
 * `passwordPolicies` as Keycloak sends it to ⑥ for the demo society's policy
 * (length(8) and notUsername and notEmail and passwordHistory(3) and hashAlgorithm(argon2)).
 */
export const defaultPasswordPolicies: RealmPasswordPolicies = {
  length: 8,
  passwordHistory: 3,
  notUsername: true,
  notEmail: true,
};

/** A stricter society's policy: longer, with character classes and a longer history; no not-email rule. */
export const customPasswordPolicies: RealmPasswordPolicies = {
  length: 12,
  maxLength: 64,
  lowerCase: 1,
  upperCase: 1,
  digits: 2,
  specialChars: 1,
  passwordHistory: 5,
  notUsername: true,
  notEmail: false,
};

/**
 * kcContext overrides giving ⑥ a password policy. Keycloakify's type does not declare the field on
 * this page (Keycloak 26 sends it on every page), hence the spread: object spreads skip the excess
 * property check, literals do not. `undefined` removes the mock's default policy (Keycloakify's deep
 * merge deletes keys set to undefined): a page without the field.
 */
export function withPasswordPolicies(passwordPolicies: RealmPasswordPolicies | undefined): object {
  return { passwordPolicies };
}

export const { getKcContextMock } = createGetKcContextMock({
  kcContextExtension,
  kcContextExtensionPerPage,
  overrides: {
    locale: { currentLanguageTag: "ja", supported: languages },
    realm: { internationalizationEnabled: true },
  },
  overridesPerPage: {
    "login-update-password.ftl": { ...withPasswordPolicies(defaultPasswordPolicies) },
  },
});

export type PageId = KcContext["pageId"];

/** messagesPerField as Keycloak fills it when the listed fields have errors. */
export function fieldErrors(errors: Record<string, string>): KcContext["messagesPerField"] {
  const get = (field: string) => errors[field] ?? "";
  const existsError = (...fields: string[]) => fields.some((field) => field in errors);
  return {
    get,
    exists: (field) => field in errors,
    existsError,
    printIfExists: (field, text) => (field in errors ? text : undefined),
    getFirstError: (...fields: string[]) => get(fields.find((field) => field in errors) ?? ""),
  };
}

/** What a society's realm localization provides (provisioned per society). */
export const realmTextsMock = {
  [REALM_TEXT.societyName]: "みどり健康保険組合",
  [REALM_TEXT.portalName]: "みどり健保 加入者ページ",
  [REALM_TEXT.portalUrl]: "https://portal.midori-kenpo.example.jp/",
} satisfies Partial<Record<RealmTextKey, string>>;

/** kcContext overrides carrying the society's realm texts (stories, gallery). */
export const society = { "x-keycloakify": { messages: realmTextsMock } };

/** A small SVG mark: a green disc with a white leaf. */
const BRAND_LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="#1b6e3a"/><path d="M12 27c0-9 7-15 17-15-1 10-7 16-16 16z" fill="#fff"/></svg>';

/** The same society with a brand (society file `brand`: primaryColor #1b6e3a and the mark above). */
export const brandedSociety = {
  "x-keycloakify": {
    messages: {
      ...realmTextsMock,
      [REALM_TEXT.brandColor]: "#1b6e3a",
      [REALM_TEXT.brandColorDark]: "#15562d",
      [REALM_TEXT.brandLogo]: `data:image/svg+xml;base64,${btoa(BRAND_LOGO_SVG)}`,
    },
  },
};
