import { CREDENTIAL_TYPE, FACTOR, isMethod, REALM_ATTRIBUTE, USER_ATTRIBUTE } from "../../../contracts/index.js";

/**
 * Small helpers shared by our scripts. Everything here is ES5 and talks to Keycloak only through
 * the typed API in types/keycloak.d.ts.
 */

export const FlowError = Java.type("org.keycloak.authentication.AuthenticationFlowError");
const FormMessageClass = Java.type("org.keycloak.models.utils.FormMessage");

export function formValue(context: AuthenticationFlowContext, name: string): string {
  const value = context.getHttpRequest().getDecodedFormParameters().getFirst(name);
  return value == null ? "" : String(value);
}

export function fieldError(field: string, messageKey: string): FormMessage {
  return new FormMessageClass(field, messageKey);
}

export function hasCredential(user: UserModel, type: string): boolean {
  return user.credentialManager().getStoredCredentialsByTypeStream(type).count() > 0;
}

/** A realm attribute set by provisioning (docs/contracts.md), or "" when missing. */
export function realmSetting(context: AuthenticationFlowContext, name: string): string {
  const value = context.getRealm().getAttribute(name);
  return value == null ? "" : String(value);
}

/**
 * The initial password is too old (society config initialPasswordDays): the age of the stored
 * password, which the import or the help desk's reset wrote. Only asked while the member is still
 * in the first steps, where the password can only be the initial one.
 */
export function initialPasswordExpired(context: AuthenticationFlowContext, user: UserModel): boolean {
  const days = Number(realmSetting(context, REALM_ATTRIBUTE.initialPasswordDays) || "0");
  if (!(days > 0)) return false;
  const created = user
    .credentialManager()
    .getStoredCredentialsByTypeStream(CREDENTIAL_TYPE.password)
    .findFirst()
    .orElse(null);
  if (!created) return true;
  const now = Java.type("java.lang.System").currentTimeMillis();
  return now - Number(created.getCreatedDate()) > days * 24 * 60 * 60 * 1000;
}

export function hasRequiredAction(user: UserModel, alias: string): boolean {
  return user.getRequiredActionsStream().anyMatch(function (a) {
    return String(a) === alias;
  });
}

/** Keycloak skips a disabled required action silently: queuing one would not stop a session. */
export function requiredActionEnabled(context: AuthenticationFlowContext, alias: string): boolean {
  const action = context.getRealm().getRequiredActionProviderByAlias(alias);
  return action != null && action.isEnabled();
}

/** The factor the member chose at ⑤, or null when the attribute is missing or unknown. */
export function chosenFactor(user: UserModel): { credential: string; requiredAction: string } | null {
  const method = user.getFirstAttribute(USER_ATTRIBUTE.mfaMethod);
  return isMethod(method) ? FACTOR[method] : null;
}

/** A registered OTP app or passkey, whatever was chosen at ⑤: either one proves the member. */
export function hasAnyFactor(user: UserModel): boolean {
  return hasCredential(user, FACTOR.otp.credential) || hasCredential(user, FACTOR.passkey.credential);
}

function bruteForceProtector(context: AuthenticationFlowContext): BruteForceProtector {
  return context.getSession().getProvider(Java.type("org.keycloak.services.managers.BruteForceProtector").class);
}

/** Keycloak's temporary or permanent lockout (wrong passwords, birthdates or codes). */
export function isLockedOut(context: AuthenticationFlowContext, user: UserModel): boolean {
  const realm = context.getRealm();
  if (!realm.isBruteForceProtected()) return false;
  const session = context.getSession();
  const protector = bruteForceProtector(context);
  return (
    protector.isTemporarilyDisabled(session, realm, user) || protector.isPermanentlyLockedOut(session, realm, user)
  );
}

/**
 * Wrong answers the member may still give before Keycloak's lockout, counting the one about to be
 * recorded: 0 or less when this one locks, null when the realm has no lockout. Called before
 * recordFailure, because Keycloak writes failures in a transaction of its own (on a background
 * executor): a count read afterwards may not include this one yet. Mirrors Keycloak 26's
 * DefaultBruteForceProtector: a last failure older than the realm's reset time is forgotten first
 * (unless only permanent lockout is configured), and both strategies lock once the count reaches the
 * failure factor (until a success clears it). A quick-login lockout (two failures within a second)
 * is not foreseen: the page then shows tries the member cannot use yet, and the lockout still applies.
 */
export function attemptsLeftAfterFailure(context: AuthenticationFlowContext, user: UserModel): number | null {
  const realm = context.getRealm();
  if (!realm.isBruteForceProtected()) return null;
  const record = context.getSession().loginFailures().getUserLoginFailure(realm, user.getId());
  let failures = record ? Number(record.getNumFailures()) : 0;
  const last = record ? Number(record.getLastFailure()) : 0;
  const now = Number(Java.type("java.lang.System").currentTimeMillis());
  const forgets = !realm.isPermanentLockout() || realm.getMaxTemporaryLockouts() !== 0;
  if (forgets && last > 0 && now - last > realm.getMaxDeltaTimeSeconds() * 1000) failures = 0;
  return realm.getFailureFactor() - (failures + 1);
}

/**
 * A wrong answer to a question only the member can answer counts like a wrong password towards the
 * realm's lockout (Keycloak records failures itself only for its own credential checks). Keycloak
 * ignores failures outside its known categories, so the answer is filed under "password": it is a
 * first-factor guess and shares the password's counter.
 */
export function recordFailure(context: AuthenticationFlowContext, user: UserModel): void {
  const realm = context.getRealm();
  if (!realm.isBruteForceProtected()) return;
  const HashSet = Java.type("java.util.HashSet");
  const categories = new HashSet<string>();
  categories.add("password");
  bruteForceProtector(context).failedLogin(realm, user, context.getConnection(), context.getUriInfo(), categories);
}
