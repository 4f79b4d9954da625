import type { ExtendKcContext } from "keycloakify/login";
import type { KcEnvName, ThemeName } from "../kc.gen";

/** Theme properties naming the realm localization keys to resolve server-side (see vite.config.ts). */
export type KenpoTextProperties = {
    kenpoText_kenpoSocietyName?: string;
    kenpoText_kenpoPortalName?: string;
    kenpoText_kenpoPortalUrl?: string;
    kenpoText_termsText?: string;
};

export type KcContextExtension = {
    themeName: ThemeName;
    properties: Record<KcEnvName, string> & KenpoTextProperties;
};

// Custom pages rendered by the kenpo authenticators (docs/contracts.md). The quoted keys are how
// `keycloakify build` finds them and emits their .ftl files.
export type KcContextExtensionPerPage = {
    "login-birthdate.ftl": {
        /** Set by kenpo-birthdate only after a wrong answer. */
        kenpoAttemptsLeft?: number;
    };
    "login-method-choice.ftl": {
        kenpoCurrentUserId?: string;
        kenpoSelectedMethod?: "passkey" | "otp";
    };
};

export type KcContext = ExtendKcContext<KcContextExtension, KcContextExtensionPerPage>;

/** The parts of the stock password page our live checks read when Keycloak provides them. */
export type UpdatePasswordUser = { username?: string; email?: string };
