import { createGetKcContextMock } from "keycloakify/login/KcContext";
import { FORM_ATTRIBUTE, PAGE, REALM_TEXT, type RealmTextKey } from "../../../contracts";
import type { KcContext, KcContextExtension, KcContextExtensionPerPage } from "./KcContext";

/**
 * Mock kcContexts for tests, stories and screenshots: Keycloakify's mocks, in Japanese, with the
 * languages our realms enable. (Kept apart from kc.gen.tsx, which only Vite can load.)
 */
const kcContextExtension: KcContextExtension = {
    themeName: "kenpo",
    // As vite.config.ts declares them: each property names its realm text.
    properties: Object.fromEntries(Object.values(REALM_TEXT).map(key => [`kenpoText_${key}`, key])) as KcContextExtension["properties"]
};

// Keyed by the contract's page ids: tsc fails here when KcContext.ts spells a custom page differently.
const kcContextExtensionPerPage: KcContextExtensionPerPage = {
    [PAGE.birthdate]: {},
    [PAGE.methodChoice]: { [FORM_ATTRIBUTE.currentUserId]: "yamada.taro" }
};

const languages = [
    { languageTag: "ja", label: "日本語", url: "?kc_locale=ja" },
    { languageTag: "en", label: "English", url: "?kc_locale=en" }
];

export const { getKcContextMock } = createGetKcContextMock({
    kcContextExtension,
    kcContextExtensionPerPage,
    overrides: {
        locale: { currentLanguageTag: "ja", supported: languages },
        realm: { internationalizationEnabled: true }
    },
    overridesPerPage: {}
});

export type PageId = KcContext["pageId"];

/** messagesPerField as Keycloak fills it when the listed fields have errors. */
export function fieldErrors(errors: Record<string, string>): KcContext["messagesPerField"] {
    const get = (field: string) => errors[field] ?? "";
    const existsError = (...fields: string[]) => fields.some(field => field in errors);
    return {
        get,
        exists: field => field in errors,
        existsError,
        printIfExists: (field, text) => (field in errors ? text : undefined),
        getFirstError: (...fields: string[]) => get(fields.find(field => field in errors) ?? "")
    };
}

/** What a society's realm localization provides (provisioned per society). */
export const realmTextsMock = {
    [REALM_TEXT.societyName]: "みどり健康保険組合",
    [REALM_TEXT.portalName]: "みどり健保 加入者ページ",
    [REALM_TEXT.portalUrl]: "https://portal.midori-kenpo.example.jp/"
} satisfies Partial<Record<RealmTextKey, string>>;

/** kcContext overrides carrying the society's realm texts (stories, gallery). */
export const society = { "x-keycloakify": { messages: realmTextsMock } };
