import { OTHER_METHOD_COOKIE, REQUIRED_ACTION } from "../../../../contracts";

/**
 * 「別の方法を選ぶ」 before a factor exists: the wish travels to the next login in a cookie of the
 * realm's path (Keycloak's restart of the login forgets everything else), and the server decides
 * whether ⑤ comes back (kenpo-enrol). Half an hour: a wish from an earlier day is not left behind.
 */
const MAX_AGE_SECONDS = 30 * 60;

function cookie(realmName: string, value: string, maxAge: number, secure: boolean): string {
  return [
    `${OTHER_METHOD_COOKIE}=${value}`,
    `path=/realms/${encodeURIComponent(realmName)}/`,
    `max-age=${maxAge}`,
    "samesite=lax",
    ...(secure ? ["secure"] : []),
  ].join("; ");
}

export function otherMethodCookie(realmName: string, secure: boolean): string {
  return cookie(realmName, "1", MAX_AGE_SECONDS, secure);
}

/** Once ⑤ is back the wish is spent: a later login resumes the set-up of whatever was chosen. */
export function spentOtherMethodCookie(realmName: string, secure: boolean): string {
  return cookie(realmName, "", 0, secure);
}

/**
 * webauthn-error.ftl serves both the passkey login and the passkey registration: only a failed
 * registration of the first login (the required action, not one the portal started) offers another method.
 */
export function isFirstLoginPasskeyRegistration(loginAction: string, isAppInitiatedAction?: boolean): boolean {
  if (isAppInitiatedAction) return false;
  const url = new URL(loginAction, "https://keycloak.invalid/");
  return (
    url.pathname.endsWith("/login-actions/required-action") &&
    url.searchParams.get("execution") === REQUIRED_ACTION.registerPasskey
  );
}
