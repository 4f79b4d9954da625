import type { ExtendKcContext } from "keycloakify/login";
import type { KcEnvName, ThemeName } from "../kc.gen";
import { EMAIL_ENTRY, FORM_ATTRIBUTE, type Method, type RealmTextKey } from "../../../contracts";

/** Theme properties naming the realm localization keys to resolve server-side (see vite.config.ts). */
export type KenpoTextProperties = { [Key in RealmTextKey as `kenpoText_${Key}`]?: string };

export type KcContextExtension = {
  themeName: ThemeName;
  properties: Record<KcEnvName, string> & KenpoTextProperties;
};

// Custom pages rendered by the kenpo authenticators (contracts/ PAGE). The page ids stay quoted
// literals: `keycloakify build` finds them by reading this file's text and emits their .ftl files.
// mocks.ts builds this type from PAGE, so tsc fails when the two drift apart.
export type KcContextExtensionPerPage = {
  "login-birthdate.ftl": {
    /** Set by kenpo-birthdate only after a wrong answer that did not lock the account. */
    [FORM_ATTRIBUTE.attemptsLeft]?: number;
  };
  // Keycloak's own page id, rendered by kenpo-terms inside the flow.
  "terms.ftl": {
    /** An active member meeting revised terms: not a step of the first login. */
    [FORM_ATTRIBUTE.pastFirstLogin]?: "true";
  };
  "login-method-choice.ftl": {
    [FORM_ATTRIBUTE.currentUserId]?: string;
    [FORM_ATTRIBUTE.selectedMethod]?: Method;
    /** ⑤ again before a factor exists (「別の方法を選ぶ」): the method only. */
    [FORM_ATTRIBUTE.otherMethod]?: "true";
  };
  "login-email-code.ftl": {
    /** Where the code went (masked when it is the register's address); absent while an address is asked for. */
    [FORM_ATTRIBUTE.emailShown]?: string;
    [FORM_ATTRIBUTE.emailEntry]?: (typeof EMAIL_ENTRY)[keyof typeof EMAIL_ENTRY];
    [FORM_ATTRIBUTE.emailCodeResent]?: "true";
    [FORM_ATTRIBUTE.emailCodeMinutes]?: number;
    [FORM_ATTRIBUTE.helpDesk]?: string;
    /** Set only after a wrong code that did not lock the account. */
    [FORM_ATTRIBUTE.attemptsLeft]?: number;
  };
};

export type KcContext = ExtendKcContext<KcContextExtension, KcContextExtensionPerPage>;

/** The parts of the stock password page our live checks read when Keycloak provides them. */
export type UpdatePasswordUser = { username?: string; email?: string };
