import type RealmRepresentation from "@keycloak/keycloak-admin-client/lib/defs/realmRepresentation.js";
import type ClientRepresentation from "@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js";
import type ProtocolMapperRepresentation from "@keycloak/keycloak-admin-client/lib/defs/protocolMapperRepresentation.js";
import type { UserProfileAttribute } from "@keycloak/keycloak-admin-client/lib/defs/userProfileMetadata.js";
import { readFileSync } from "node:fs";
import { ConfigError } from "./config-error.js";
import { darkerShade, logoDataUri } from "./brand.js";
import { ACR_LOA_MAP, MFA_ACR, MINIMUM_ACR_ATTRIBUTE } from "./flows.js";
import {
  CLIENT_ATTRIBUTE,
  LOCALES,
  METHOD,
  REALM_ATTRIBUTE,
  REALM_TEXT,
  REQUIRED_ACTION,
  STAGE,
  USER_ATTRIBUTE,
  type RealmTextKey,
} from "../contracts/index.js";
import { MIN_SECRET_LENGTH, type PortalClientConfig, type SocietyConfig } from "./schema.js";
import { PERSON_NUMBER_PATTERN } from "../rules/member-key.js";

/**
 * The pure half of provisioning: a society's config → the realm Keycloak should have.
 * Nothing here talks to Keycloak, so the whole mapping is unit-tested.
 */

export const THEME_NAME = "kenpo";

/** Keycloak's realm representation has these WebAuthn fields; the admin client's type lacks them. */
export type RealmSettings = RealmRepresentation & {
  webAuthnPolicyPasswordlessRpEntityName?: string;
  webAuthnPolicyPasswordlessSignatureAlgorithms?: string[];
  webAuthnPolicyPasswordlessRpId?: string;
  webAuthnPolicyPasswordlessAttestationConveyancePreference?: string;
  webAuthnPolicyPasswordlessAuthenticatorAttachment?: string;
  webAuthnPolicyPasswordlessRequireResidentKey?: string;
  webAuthnPolicyPasswordlessResidentKey?: string;
  webAuthnPolicyPasswordlessUserVerificationRequirement?: string;
  webAuthnPolicyPasswordlessAvoidSameAuthenticatorRegister?: boolean;
};
export const PASSWORD_HASH_ALGORITHM = "argon2";

/**
 * The realm's password policy string, written exactly as Keycloak stores it so a re-apply finds no
 * difference: Keycloak parses "id(config)" into a map and writes the map back (PasswordPolicy.Builder
 * asString), dropping "()" for a policy without config. So the flag policies go bare: "notUsername"
 * comes back as "notUsername", while "notUsername(undefined)" (what the admin console sends) is kept
 * verbatim: a meaningless "undefined" in the stored policy, the admin console and every provision plan.
 */
export function desiredPasswordPolicy(config: SocietyConfig): string {
  const p = config.policies;
  return [
    `length(${p.passwordMinLength})`,
    "notUsername",
    "notEmail",
    `passwordHistory(${p.passwordHistory})`,
    `hashAlgorithm(${PASSWORD_HASH_ALGORITHM})`,
  ].join(" and ");
}

/** Realm settings (a partial representation: only the fields we own are compared and written). */
export function desiredRealmSettings(config: SocietyConfig): RealmSettings {
  const p = config.policies;
  const realm: RealmSettings = {
    realm: config.realm,
    enabled: true,
    // Plain Japanese: emails and stock pages print displayName as is. The theme shows the
    // localized name from the realm's localization texts (kenpoSocietyName) instead.
    displayName: config.societyName.ja,
    internationalizationEnabled: true,
    supportedLocales: [...LOCALES],
    defaultLocale: LOCALES[0],
    loginTheme: THEME_NAME,
    // The same JAR's email theme: our mails (the email check's code) and our words in Keycloak's.
    emailTheme: THEME_NAME,
    registrationAllowed: false,
    // Members log in with their user ID only; families may share one email address.
    loginWithEmailAllowed: false,
    duplicateEmailsAllowed: true,
    resetPasswordAllowed: true,
    rememberMe: false,
    verifyEmail: false,
    passwordPolicy: desiredPasswordPolicy(config),
    bruteForceProtected: true,
    permanentLockout: false,
    failureFactor: p.maxLoginFailures,
    waitIncrementSeconds: p.lockoutMinutes * 60,
    maxFailureWaitSeconds: p.lockoutMinutes * 60,
    minimumQuickLoginWaitSeconds: 60,
    quickLoginCheckMilliSeconds: 1000,
    maxDeltaTimeSeconds: 12 * 60 * 60,
    accessCodeLifespanLogin: p.loginTimeoutMinutes * 60,
    accessCodeLifespanUserAction: p.loginTimeoutMinutes * 60,
    actionTokenGeneratedByUserLifespan: 24 * 60 * 60,
    // Login records (the terms promise them) and who changed what in the realm; never the representations
    // themselves, which may carry personal data.
    eventsEnabled: true,
    eventsExpiration: p.eventsRetentionDays * 24 * 60 * 60,
    adminEventsEnabled: true,
    adminEventsDetailsEnabled: false,
    attributes: {
      adminEventsExpiration: String(p.eventsRetentionDays * 24 * 60 * 60),
      // The reset link alone proves only the mailbox; keep its window short.
      "actionTokenGeneratedByUserLifespan.reset-credentials": String(p.resetLinkMinutes * 60),
      // What a token's acr says (see realm-config/flows.ts): "mfa" after a registered factor.
      "acr.loa.map": JSON.stringify(ACR_LOA_MAP),
      [REALM_ATTRIBUTE.termsVersion]: config.termsVersion,
      // Read by the authenticators (③ expiry, ⑤ email stop); see docs/contracts.md.
      [REALM_ATTRIBUTE.initialPasswordDays]: String(p.initialPasswordDays),
      [REALM_ATTRIBUTE.memberEmailEntry]: String(p.memberEmailEntry),
      ...(config.helpDesk ? { [REALM_ATTRIBUTE.helpDesk]: config.helpDesk } : {}),
    },
    ssoSessionIdleTimeout: p.ssoIdleMinutes * 60,
    ssoSessionMaxLifespan: p.ssoMaxHours * 60 * 60,
    // Refresh tokens are used once: a refresh returns a new one, and the old one is refused from then on, so a
    // stolen refresh token stops working once the app has refreshed.
    revokeRefreshToken: true,
    refreshTokenMaxReuse: 0,
    // Accepted by Google Authenticator, Microsoft Authenticator and FreeOTP alike.
    otpPolicyType: "totp",
    otpPolicyAlgorithm: "HmacSHA1",
    otpPolicyDigits: 6,
    otpPolicyPeriod: 30,
    otpPolicyLookAheadWindow: 1,
    otpPolicyCodeReusable: false,
    // Passkeys: discoverable credential, biometric/PIN check on the device, any authenticator
    // attachment so a PC can use the member's phone (hybrid: QR code + Bluetooth).
    webAuthnPolicyPasswordlessRpEntityName: config.societyName.ja,
    webAuthnPolicyPasswordlessSignatureAlgorithms: ["ES256", "RS256"],
    webAuthnPolicyPasswordlessRpId: "",
    webAuthnPolicyPasswordlessAttestationConveyancePreference: "none",
    webAuthnPolicyPasswordlessAuthenticatorAttachment: "not specified",
    // Discoverable credentials (passkeys), in the current field; the deprecated Yes/No one stays unset.
    webAuthnPolicyPasswordlessRequireResidentKey: "not specified",
    webAuthnPolicyPasswordlessResidentKey: "required",
    webAuthnPolicyPasswordlessUserVerificationRequirement: "required",
    webAuthnPolicyPasswordlessAvoidSameAuthenticatorRegister: false,
    webAuthnPolicyPasswordlessPasskeysEnabled: true,
  };
  if (config.smtp) {
    const s = config.smtp;
    const smtp: Record<string, string> = {
      host: s.host,
      port: String(s.port),
      from: s.from,
      fromDisplayName: s.fromDisplayName ?? config.societyName.ja,
      ssl: String(s.ssl),
      starttls: String(s.starttls),
      auth: String(Boolean(s.userEnv)),
    };
    if (s.userEnv) smtp.user = process.env[s.userEnv] ?? "";
    if (s.passwordEnv) smtp.password = process.env[s.passwordEnv] ?? "";
    realm.smtpServer = smtp;
  }
  return realm;
}

/** The realm texts that carry the society's brand: set only when the society file has one, removed when it no longer does. */
export const BRAND_TEXT_KEYS: readonly RealmTextKey[] = [
  REALM_TEXT.brandColor,
  REALM_TEXT.brandColorDark,
  REALM_TEXT.brandLogo,
];

/** brand.primaryColor (with its hover shade) and brand.logo (as a data: URI, read from the file) as realm texts. */
export function desiredBrandTexts(config: SocietyConfig): Partial<Record<RealmTextKey, string>> {
  const brand = config.brand;
  return {
    ...(brand?.primaryColor !== undefined
      ? {
          [REALM_TEXT.brandColor]: brand.primaryColor.toLowerCase(),
          [REALM_TEXT.brandColorDark]: darkerShade(brand.primaryColor.toLowerCase()),
        }
      : {}),
    ...(brand?.logo !== undefined ? { [REALM_TEXT.brandLogo]: logoDataUri(brand.logo) } : {}),
  };
}

/**
 * Realm localization texts the theme reads (society name, portal, terms, brand), per locale. The brand's texts are
 * present only when the society file sets them (the theme's default look otherwise).
 */
export function desiredLocalization(config: SocietyConfig): Record<"ja" | "en", Partial<Record<RealmTextKey, string>>> {
  const brand = desiredBrandTexts(config);
  const texts = (lang: "ja" | "en") => ({
    ...brand,
    [REALM_TEXT.societyName]: config.societyName[lang],
    [REALM_TEXT.portalName]: config.portalName[lang],
    [REALM_TEXT.portalUrl]: config.portalUrl,
    [REALM_TEXT.termsText]: config.termsText[lang],
    [REALM_TEXT.lockoutFailures]: String(config.policies.maxLoginFailures),
    [REALM_TEXT.lockoutMinutes]: String(config.policies.lockoutMinutes),
  });
  return { ja: texts("ja"), en: texts("en") };
}

const adminOnly = { view: ["admin"], edit: ["admin"] };

/** Card data and journey state: kept on the member, never shown to or editable by the member. */
export function desiredProfileAttributes(): UserProfileAttribute[] {
  const digits = (max: number) => ({ pattern: { pattern: `^[0-9]{1,${max}}$`, "error-message": "kenpoDigitsOnly" } });
  // The display name is a localization key named like the attribute (the admin console shows its text, or the key).
  const attribute = (name: string) => ({
    name,
    displayName: `\${${name}}`,
    permissions: adminOnly,
    multivalued: false,
  });
  const date = { pattern: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "error-message": "kenpoDateFormat" } };
  return [
    { ...attribute(USER_ATTRIBUTE.symbol), validations: digits(8) },
    { ...attribute(USER_ATTRIBUTE.number), validations: digits(10) },
    { ...attribute(USER_ATTRIBUTE.branch), validations: digits(3) },
    { ...attribute(USER_ATTRIBUTE.birthdate), validations: date },
    { ...attribute(USER_ATTRIBUTE.stage), validations: { options: { options: Object.values(STAGE) } } },
    attribute(USER_ATTRIBUTE.termsVersion),
    { ...attribute(USER_ATTRIBUTE.mfaMethod), validations: { options: { options: Object.values(METHOD) } } },
    {
      ...attribute(USER_ATTRIBUTE.personNumber),
      validations: { pattern: { pattern: PERSON_NUMBER_PATTERN, "error-message": "kenpoPersonNumberFormat" } },
    },
    { ...attribute(USER_ATTRIBUTE.leftRegister), validations: date },
  ];
}

/** Required actions in the member manual's order (terms → password → email → MFA). */
export const REQUIRED_ACTION_ORDER = [
  REQUIRED_ACTION.termsAndConditions,
  REQUIRED_ACTION.updatePassword,
  REQUIRED_ACTION.updateProfile,
  REQUIRED_ACTION.verifyEmail,
  REQUIRED_ACTION.configureTotp,
  REQUIRED_ACTION.registerPasskey,
] as const;

/** The protocol mapper that names the app in its access tokens' `aud` (one per client of the society file). */
export const AUDIENCE_MAPPER = "kenpo-audience";

export function desiredAudienceMapper(clientId: string): ProtocolMapperRepresentation {
  return {
    name: AUDIENCE_MAPPER,
    protocol: "openid-connect",
    protocolMapper: "oidc-audience-mapper",
    config: {
      "included.client.audience": clientId,
      "access.token.claim": "true",
      "introspection.token.claim": "true",
      // The ID token's aud is the client already (OIDC Core).
      "id.token.claim": "false",
    },
  };
}

/**
 * A confidential client's secret, from the environment variable or file the society file names. Never from the
 * file itself, never printed; refused when missing or shorter than MIN_SECRET_LENGTH.
 */
export function clientSecret(
  client: PortalClientConfig,
  env: NodeJS.ProcessEnv = process.env,
  read: (file: string) => string = (file) => readFileSync(file, "utf8"),
): string | undefined {
  const c = client.confidential;
  if (!c || c.jwksUrl) return undefined;
  const where = `portalClients ${client.clientId}: confidential.${c.secretEnv ? `secretEnv ${c.secretEnv}` : `secretFile ${c.secretFile}`}`;
  let secret: string | undefined;
  if (c.secretEnv) secret = env[c.secretEnv];
  else {
    try {
      secret = read(c.secretFile!).replace(/\r?\n$/, "");
    } catch (error) {
      throw new ConfigError(`${where}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  if (!secret) throw new ConfigError(`${where}: no secret there (unset or empty)`);
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `${where}: the secret has ${secret.length} characters, at least ${MIN_SECRET_LENGTH} are needed (e.g. openssl rand -base64 32)`,
    );
  }
  return secret;
}

/** How the client proves itself at the token endpoint: none (public), a secret, or a JWT signed with its key. */
function clientAuthentication(client: PortalClientConfig, secret: string | undefined): ClientRepresentation {
  const c = client.confidential;
  if (!c) return { publicClient: true };
  if (c.jwksUrl) return { publicClient: false, clientAuthenticatorType: "client-jwt" };
  return { publicClient: false, clientAuthenticatorType: "client-secret", secret };
}

/**
 * An app of the society file as an OIDC client: authorization code with PKCE (S256) only, public or confidential.
 * `secret` is the confidential client's secret (clientSecret); plans pass it so reading stays outside this mapping.
 */
export function desiredPortalClient(client: PortalClientConfig, secret?: string): ClientRepresentation {
  const attributes: Record<string, string> = {
    "pkce.code.challenge.method": "S256",
    // Keycloak asks level "mfa" for this client whatever the app requests: an SSO session below it logs in again.
    [MINIMUM_ACR_ATTRIBUTE]: MFA_ACR,
    [CLIENT_ATTRIBUTE.managed]: "true",
  };
  // Keycloak drops an empty attribute: writing "" would show as a change in every plan.
  if (client.postLogoutRedirectUris.length > 0) {
    attributes["post.logout.redirect.uris"] = [...client.postLogoutRedirectUris].sort().join("##");
  }
  if (client.confidential?.jwksUrl) {
    attributes["use.jwks.url"] = "true";
    attributes["jwks.url"] = client.confidential.jwksUrl;
  }
  if (client.backchannelLogoutUrl) {
    attributes["backchannel.logout.url"] = client.backchannelLogoutUrl;
    attributes["backchannel.logout.session.required"] = "true";
  }
  if (client.frontchannelLogoutUrl) {
    attributes["frontchannel.logout.url"] = client.frontchannelLogoutUrl;
    attributes["frontchannel.logout.session.required"] = "true";
  }
  return {
    clientId: client.clientId,
    name: client.name.ja,
    description: client.name.en,
    enabled: true,
    protocol: "openid-connect",
    ...clientAuthentication(client, secret),
    standardFlowEnabled: true,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: false,
    // Keycloak tells a client of a logout one way: through the browser, or server to server once it has a URL.
    frontchannelLogout: Boolean(client.frontchannelLogoutUrl) || !client.backchannelLogoutUrl,
    rootUrl: client.rootUrl,
    baseUrl: client.rootUrl,
    redirectUris: [...client.redirectUris].sort(),
    webOrigins: [...client.webOrigins].sort(),
    attributes,
  };
}

/** One line for the plan: what kind of client, how it authenticates, where it returns. */
export function describePortalClient(client: PortalClientConfig): string {
  const c = client.confidential;
  const kind = !c
    ? "public"
    : c.jwksUrl
      ? `confidential (private_key_jwt, keys at ${c.jwksUrl})`
      : `confidential (client secret from ${c.secretEnv ? `$${c.secretEnv}` : c.secretFile})`;
  const logout = client.backchannelLogoutUrl ? `, back-channel logout ${client.backchannelLogoutUrl}` : "";
  return `${kind}, PKCE S256, aud ${client.clientId}, redirect URIs ${client.redirectUris.join(", ")}${logout}`;
}
