import { createGetKcContextMock } from "keycloakify/login/KcContext";
import type { KcContext, KcContextExtension, KcContextExtensionPerPage } from "./KcContext";

/**
 * Mock kcContexts for tests, stories and screenshots: Keycloakify's mocks, in Japanese, with the
 * languages our realms enable. (Kept apart from kc.gen.tsx, which only Vite can load.)
 */
const kcContextExtension: KcContextExtension = {
    themeName: "kenpo",
    properties: {
        kenpoText_kenpoSocietyName: "kenpoSocietyName",
        kenpoText_kenpoPortalName: "kenpoPortalName",
        kenpoText_kenpoPortalUrl: "kenpoPortalUrl",
        kenpoText_termsText: "termsText"
    }
};

const kcContextExtensionPerPage: KcContextExtensionPerPage = {
    "login-birthdate.ftl": {},
    "login-method-choice.ftl": { kenpoCurrentUserId: "yamada.taro" }
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
    kenpoSocietyName: "みどり健康保険組合",
    kenpoPortalName: "みどり健保 加入者ページ",
    kenpoPortalUrl: "https://portal.midori-kenpo.example.jp/"
};

/** kcContext overrides carrying the society's realm texts (stories, gallery). */
export const society = { "x-keycloakify": { messages: realmTextsMock } };
