import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { randomBytes, randomInt } from "node:crypto";
import { Secret } from "otpauth";
import { METHOD, STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import { otpApp, otpCredential, seededUser } from "../journeys/seed.js";
import type { SocietyConfig } from "../realm-config/schema.js";

/**
 * A member for an integrator's own tests: past the first login (stage active, terms accepted, email confirmed),
 * with a known password and a known OTP secret, so an app's test logs in with password + OTP like any member.
 * Only on a Keycloak reached over loopback: a known secret has no place in a society's real realm.
 */

export interface TestMember {
  userId: string;
  password: string;
  /** The OTP secret in base32, as authenticator apps and OTP libraries take it. */
  otpSecret: string;
  otpauthUri: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopback(url: string): boolean {
  return LOOPBACK.has(new URL(url).hostname);
}

export async function createTestMember(
  admin: KcAdminClient,
  config: SocietyConfig,
  keycloakUrl: string,
  userId: string,
  password = `Test-${randomBytes(12).toString("base64url")}`,
): Promise<TestMember> {
  if (!isLoopback(keycloakUrl)) {
    throw new Error(
      `${keycloakUrl} is not this machine: test members (known password and OTP secret) are made only on a local Keycloak`,
    );
  }
  const rawSecret = randomBytes(20).toString("base64url");
  const realm = config.realm;
  const rep = await admin.realms.findOne({ realm });
  if (!rep?.realm) throw new Error(`realm ${realm} does not exist: run kenpo provision first`);
  const user = seededUser({
    username: userId,
    // A card of its own: members are matched by card, never by user ID.
    number: String(randomInt(1_000_000_000, 9_999_999_999)),
    password,
    attributes: {
      [USER_ATTRIBUTE.stage]: [STAGE.active],
      [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp],
      [USER_ATTRIBUTE.termsVersion]: [config.termsVersion],
      [USER_ATTRIBUTE.termsAcceptedAt]: [String(Math.floor(Date.now() / 1000))],
    },
    credentials: [otpCredential(rawSecret, "integration tests")],
  });
  try {
    await admin.realms.partialImport({
      realm,
      rep: { ifResourceExists: "FAIL", users: [{ ...user, realmRoles: [rep.defaultRole!.name!] }] },
    });
  } catch (error) {
    const status = (error as { response?: { status?: number } }).response?.status;
    if (status === 409)
      throw new Error(`user ${userId} already exists in realm ${realm}: nothing changed`, { cause: error });
    throw error;
  }
  const totp = otpApp(rawSecret);
  totp.issuer = config.societyName.ja;
  totp.label = userId;
  return {
    userId,
    password,
    otpSecret: Secret.fromUTF8(rawSecret).base32,
    otpauthUri: totp.toString(),
  };
}
