import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { Secret, TOTP } from "otpauth";
import { CREDENTIAL_TYPE, USER_ATTRIBUTE } from "../contracts/index.js";
import { loadSocietyConfig } from "../realm-config/load.js";
import { repoRoot } from "../runtime/keycloak/paths.js";

/**
 * Members put straight into a stage with the admin API (partial import), for tests and benchmarks that
 * start past the first login: one fixture, so the credential formats Keycloak stores are written in one place.
 */

/** The OTP parameters both sides must agree on: Keycloak's realm defaults (RFC 6238, SHA1, 6 digits, 30 s). */
const OTP = { digits: 6, period: 30 } as const;

/** An OTP app with a known secret: Keycloak keeps the secret as a plain string. Pair it with `otpApp(secretValue)`. */
export function otpCredential(secretValue: string, userLabel = "テスト端末"): Record<string, unknown> {
  return {
    type: CREDENTIAL_TYPE.otp,
    userLabel,
    secretData: JSON.stringify({ value: secretValue }),
    credentialData: JSON.stringify({
      subType: "totp",
      digits: OTP.digits,
      counter: 0,
      period: OTP.period,
      algorithm: "HmacSHA1",
    }),
  };
}

/**
 * The member's authenticator app for a secret seeded with `otpCredential`: Keycloak keys the HMAC with
 * the stored string's UTF-8 bytes, so the codes here are the ones it accepts.
 */
export function otpApp(secretValue: string): TOTP {
  return new TOTP({ secret: Secret.fromUTF8(secretValue), digits: OTP.digits, period: OTP.period, algorithm: "SHA1" });
}

export interface SeededMember {
  username: string;
  /** 番号 on the card: the import matches members by card, so each seeded member needs its own. */
  number: string;
  /** A plaintext password, or one hashed in Keycloak's stored format (members/password-hash.ts); none for a member without one. */
  password?: string | { type: "password"; secretData: string; credentialData: string; createdDate?: number };
  attributes?: Record<string, string[]>;
  credentials?: Array<Record<string, unknown>>;
  /** The terms version the member accepted; default: the demo society's current one (test realms use its config). */
  termsVersion?: string;
}

let demoTermsVersion: string | undefined;

/** Seeded members accepted the current terms, as a member who finished the first login has: no ④ again. */
function currentDemoTermsVersion(): string {
  demoTermsVersion ??= loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`).termsVersion;
  return demoTermsVersion;
}

export function seededUser(
  member: SeededMember & { firstName?: string; lastName?: string; email?: string; birthdate?: string; symbol?: string },
): UserRepresentation {
  const password = typeof member.password === "string" ? { type: "password", value: member.password } : member.password;
  const passwords = password ? [{ ...password, temporary: false }] : [];
  return {
    username: member.username,
    enabled: true,
    firstName: member.firstName ?? "太郎",
    lastName: member.lastName ?? "山田",
    email: member.email ?? `${member.username}@example.test`,
    emailVerified: true,
    attributes: {
      [USER_ATTRIBUTE.symbol]: [member.symbol ?? "12"],
      [USER_ATTRIBUTE.number]: [member.number],
      [USER_ATTRIBUTE.birthdate]: [member.birthdate ?? "1980-12-01"],
      [USER_ATTRIBUTE.termsVersion]: [member.termsVersion ?? currentDemoTermsVersion()],
      ...member.attributes,
    },
    credentials: [...passwords, ...(member.credentials ?? [])],
  };
}

/** Puts members straight into the realm, failing if any exists already (one transaction). */
export async function seedMembers(admin: KcAdminClient, realm: string, users: UserRepresentation[]): Promise<void> {
  await admin.realms.partialImport({ realm, rep: { ifResourceExists: "FAIL", users } });
}
