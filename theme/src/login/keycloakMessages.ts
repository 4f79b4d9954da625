/**
 * Keycloak's own message keys that reach members in our flows, each worded by us in i18n.ts (ja and en).
 * Keycloak formats these on the server from the theme JAR's messages_<lang>.properties, which
 * `keycloakify build` writes from i18n.ts on top of Keycloakify's copy of Keycloak's stock texts: a key
 * missing from i18n.ts reaches the member in Keycloak's words (or in English, where the stock Japanese
 * bundle has none). keycloakMessages.test.ts fails when one is missing or left as the stock text.
 *
 * Found in Keycloak 26.7's sources (the login flow, OTP and passkey authenticators, the required
 * actions, the reset-credential authenticators, the action-token handlers and the session checks).
 * Keys only a misconfigured client, an admin setting we never use or a feature outside our flows can
 * produce are left out; so are keys a page of ours never displays.
 */
export type KeycloakMessage = {
  /** The key as Keycloak looks it up. */
  key: string;
  /** Where a member meets it. */
  where: string;
};

export const KEYCLOAK_MESSAGES: readonly KeycloakMessage[] = [
  // ② login page, and what Keycloak checks before it
  { key: "invalidUserMessage", where: "② wrong user ID or password" },
  { key: "accountTemporarilyDisabledMessage", where: "② while locked out (same words as a wrong password)" },
  { key: "accountDisabledMessage", where: "② a member an admin disabled" },
  { key: "reauthenticate", where: "② an app asks a logged-in member to log in again (prompt=login, max_age)" },
  { key: "authenticateStrong", where: "② an app asks for more than the session's level (step-up to mfa)" },
  {
    key: "webauthn-error-api-get",
    where: "passkey login (② button or autofill, second factor, reset): the browser's call failed",
  },
  { key: "webauthn-error-user-not-found", where: "passkey login with a passkey whose member or credential is gone" },
  { key: "webauthn-error-different-user", where: "passkey login with someone else's passkey after the user ID" },
  { key: "webauthn-error-auth-verification", where: "passkey login: the signature does not check out" },
  // OTP login and ⑭ set-up
  { key: "invalidTotpMessage", where: "OTP login, ⑭, reset factor: wrong code" },
  { key: "missingTotpMessage", where: "⑭ without a code" },
  { key: "accountTemporarilyDisabledMessageTotp", where: "OTP login while locked out (also the correct code)" },
  { key: "missingTotpDeviceNameMessage", where: "⑭ second device without a name" },
  // Keycloak hands its exception text to the page as a message key.
  { key: "Device already exists with the same name", where: "⑭ a device name the member already uses" },
  { key: "configureTotpMessage", where: "⑭ notice" },
  // ⑩–⑫ passkey registration
  { key: "webauthn-error-register-verification", where: "⑩–⑫ the browser refused or cancelled (error page)" },
  { key: "webauthn-error-registration", where: "⑩–⑫ Keycloak refused the new passkey, also a device name in use" },
  // ⑥ and the reset's new password
  { key: "updatePasswordMessage", where: "⑥ notice" },
  { key: "resetPasswordMessage", where: "reset: new-password notice" },
  { key: "missingPasswordMessage", where: "⑥ / reset without a password" },
  { key: "notMatchPasswordMessage", where: "⑥ / reset: confirmation differs" },
  { key: "invalidPasswordMinLengthMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordMaxLengthMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordMinLowerCaseCharsMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordMinUpperCaseCharsMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordMinDigitsMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordMinSpecialCharsMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordNotUsernameMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordNotContainsUsernameMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordNotEmailMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordHistoryMessage", where: "⑥ / reset: one of the last passwords (also the initial one)" },
  { key: "invalidPasswordRegexPatternMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordBlacklistedMessage", where: "⑥ / reset: policy" },
  { key: "invalidPasswordGenericMessage", where: "⑥ / reset: policy (passwordAge too)" },
  // ⑦ email entry and the confirmation link
  { key: "updateProfileMessage", where: "⑦ email entry notice" },
  { key: "missingEmailMessage", where: "⑦ email entry left empty (server)" },
  { key: "error-user-attribute-required", where: "⑦ email entry left empty (in the browser)" },
  { key: "invalidEmailMessage", where: "⑦ email entry malformed (in the browser)" },
  { key: "error-invalid-email", where: "⑦ email entry malformed (server)" },
  { key: "confirmEmailAddressVerificationHeader", where: "⑦ link opened in another browser: heading" },
  { key: "confirmEmailAddressVerification", where: "⑦ link opened in another browser: confirm page" },
  { key: "emailVerifiedMessageHeader", where: "⑦ link confirmed away from the login: heading" },
  { key: "emailVerifiedMessage", where: "⑦ link confirmed away from the login" },
  { key: "emailVerifiedAlreadyMessageHeader", where: "⑦ link opened again: heading" },
  { key: "emailVerifiedAlreadyMessage", where: "⑦ link opened again" },
  { key: "staleEmailVerificationLink", where: "⑦ an older link after a resend" },
  { key: "verifyEmailMessage", where: "⑦ verify-email page: Keycloak's standing notice (not shown: our lead says it)" },
  { key: "emailVerifySendCooldown", where: "⑦ verify-email page: resend pressed within the cooldown" },
  { key: "emailSendErrorMessage", where: "⑦ / reset: the mail server refused (error page)" },
  // 「パスワードを再設定する」
  { key: "missingUsernameMessage", where: "reset page without a user ID" },
  { key: "emailSentMessage", where: "reset page sent" },
  { key: "credentialSetupRequired", where: "reset of an active member with no factor left (error page)" },
  { key: "accountUpdatedTitle", where: "info page after the reset (force login): heading" },
  { key: "accountUpdatedMessage", where: "info page after the reset (force login)" },
  // Old, expired or foreign pages and links
  { key: "loginTimeout", where: "error page: the login took too long" },
  { key: "expiredCodeMessage", where: "login page or error page: the login took too long" },
  { key: "expiredActionMessage", where: "error page: a step or link expired" },
  { key: "expiredActionTokenNoSessionMessage", where: "an expired email link (reset, ⑦)" },
  { key: "expiredActionTokenSessionExistsMessage", where: "an expired email link while a login is open" },
  { key: "invalidCodeMessage", where: "error page: an old page posted (Back), a broken login" },
  { key: "cookieNotFoundMessage", where: "error page: the login's cookie is gone or cookies are off" },
  { key: "alreadyLoggedIn", where: "error page: Back after the login finished" },
  { key: "differentUserAuthenticated", where: "error page: another member is logged in in this browser (families)" },
  { key: "unexpectedErrorHandlingRequestMessage", where: "error page: a step failed unexpectedly" },
  { key: "sessionNotActiveMessage", where: "logout of a session that has ended" },
  { key: "successLogout", where: "info page after a logout without a way back" },
];

/**
 * A key as it must be spelled in withCustomTranslations: Keycloakify copies keys into the .properties
 * file unescaped, so spaces (and the separators = and :) carry their properties escape there.
 */
export function asPropertiesKey(key: string): string {
  return key.replace(/[ =:]/g, (c) => `\\${c}`);
}
