import { readFileSync } from "node:fs";
import { parse } from "yaml";
import {
  desiredLocalization,
  desiredPasswordPolicy,
  clientSecret,
  desiredAudienceMapper,
  desiredPortalClient,
  desiredRealmSettings,
} from "./desired-realm.js";
import { diffFields, sameValue } from "./diff.js";
import { ConfigError, parseSocietyConfig } from "./load.js";
import { MIN_SECRET_LENGTH, portalClientSchema } from "./schema.js";
import { CLIENT_ATTRIBUTE } from "../contracts/index.js";

const config = parseSocietyConfig(parse(readFileSync(new URL("./societies/demo.yaml", import.meta.url), "utf8")));

test("the password policy carries length, not-username, not-email, history and the hash algorithm", () => {
  expect(desiredPasswordPolicy(config)).toBe(
    "length(8) and notUsername and notEmail and passwordHistory(3) and hashAlgorithm(argon2)",
  );
});

test.each([
  {
    passwordMinLength: 8,
    passwordHistory: 3,
    policy: "length(8) and notUsername and notEmail and passwordHistory(3) and hashAlgorithm(argon2)",
  },
  {
    passwordMinLength: 10,
    passwordHistory: 3,
    policy: "length(10) and notUsername and notEmail and passwordHistory(3) and hashAlgorithm(argon2)",
  },
  {
    passwordMinLength: 12,
    passwordHistory: 0,
    policy: "length(12) and notUsername and notEmail and passwordHistory(0) and hashAlgorithm(argon2)",
  },
])(
  "password policy for length $passwordMinLength, history $passwordHistory is in Keycloak's stored form",
  ({ passwordMinLength, passwordHistory, policy }) => {
    const stored = desiredPasswordPolicy({
      ...config,
      policies: { ...config.policies, passwordMinLength, passwordHistory },
    });
    expect(stored).toBe(policy);
    // Keycloak writes a policy back as id or id(config), never with an empty or "undefined" config
    // (PasswordPolicy.Builder): anything else would differ from what it stores and re-plan forever.
    expect(stored).not.toMatch(/undefined|null|\(\)/);
    for (const part of stored.split(" and ")) expect(part).toMatch(/^[A-Za-z]+(\([^()\s]+\))?$/);
    expect(
      desiredRealmSettings({ ...config, policies: { ...config.policies, passwordMinLength, passwordHistory } })
        .passwordPolicy,
    ).toBe(policy);
  },
);

test("realm settings: Japanese first, lockout and timeouts from the policies, OTP apps' common denominator", () => {
  const realm = desiredRealmSettings({
    ...config,
    policies: { ...config.policies, lockoutMinutes: 20, loginTimeoutMinutes: 10 },
  });
  expect(realm).toMatchObject({
    defaultLocale: "ja",
    supportedLocales: ["ja", "en"],
    failureFactor: 5,
    waitIncrementSeconds: 1200,
    accessCodeLifespanLogin: 600,
    otpPolicyAlgorithm: "HmacSHA1",
    otpPolicyDigits: 6,
    otpPolicyPeriod: 30,
    webAuthnPolicyPasswordlessResidentKey: "required",
    webAuthnPolicyPasswordlessUserVerificationRequirement: "required",
    webAuthnPolicyPasswordlessRpEntityName: "デモ健康保険組合",
  });
  expect(realm.smtpServer).toMatchObject({ host: "127.0.0.1", port: "2525", auth: "false" });
});

test("SMTP credentials come from the environment, never from the file", () => {
  process.env.TEST_SMTP_USER = "mailer";
  process.env.TEST_SMTP_PASSWORD = "s3cret";
  const realm = desiredRealmSettings({
    ...config,
    smtp: { ...config.smtp!, userEnv: "TEST_SMTP_USER", passwordEnv: "TEST_SMTP_PASSWORD" },
  });
  expect(realm.smtpServer).toMatchObject({ auth: "true", user: "mailer", password: "s3cret" });
});

test("localization texts carry the society's own words in both languages", () => {
  const texts = desiredLocalization(config);
  expect(texts.ja.kenpoSocietyName).toBe("デモ健康保険組合");
  expect(texts.en.kenpoSocietyName).toBe("Demo Health Insurance Society");
  expect(texts.ja.termsText).toContain("利用規約");
  // The lockout the pages state is the realm's own (brute-force settings from the same policies).
  const custom = desiredLocalization({
    ...config,
    policies: { ...config.policies, maxLoginFailures: 3, lockoutMinutes: 30 },
  });
  expect(custom.ja).toMatchObject({ kenpoLockoutFailures: "3", kenpoLockoutMinutes: "30" });
  expect(custom.en).toMatchObject({ kenpoLockoutFailures: "3", kenpoLockoutMinutes: "30" });
});

test("portal clients are public, code flow only, PKCE S256, marked as the file's, named in their access tokens", () => {
  const client = desiredPortalClient(config.portalClients[0]!);
  expect(client).toMatchObject({
    publicClient: true,
    standardFlowEnabled: true,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    frontchannelLogout: true,
  });
  expect(client.secret).toBeUndefined();
  expect(client.attributes?.["pkce.code.challenge.method"]).toBe("S256");
  expect(client.attributes?.[CLIENT_ATTRIBUTE.managed]).toBe("true");
  expect(desiredAudienceMapper("member-portal").config).toMatchObject({
    "included.client.audience": "member-portal",
    "access.token.claim": "true",
    "id.token.claim": "false",
  });
});

const SECRET = "s".repeat(MIN_SECRET_LENGTH);
const app = (extra: Record<string, unknown>) =>
  portalClientSchema.parse({
    clientId: "benefits-app",
    name: { ja: "給付アプリ", en: "Benefits app" },
    rootUrl: "https://benefits.example.jp/",
    redirectUris: ["https://benefits.example.jp/callback"],
    ...extra,
  });

test("a confidential client: its secret from the environment or a file, never from the society file", () => {
  const fromEnv = app({
    confidential: { secretEnv: "BENEFITS_SECRET" },
    backchannelLogoutUrl: "https://benefits.example.jp/bcl",
  });
  const secret = clientSecret(fromEnv, { BENEFITS_SECRET: SECRET });
  expect(desiredPortalClient(fromEnv, secret)).toMatchObject({
    publicClient: false,
    clientAuthenticatorType: "client-secret",
    secret: SECRET,
    // Told of a logout server to server, not through the browser.
    frontchannelLogout: false,
    attributes: {
      "pkce.code.challenge.method": "S256",
      "backchannel.logout.url": "https://benefits.example.jp/bcl",
      "backchannel.logout.session.required": "true",
    },
  });
  const fromFile = app({ confidential: { secretFile: "/run/secrets/benefits" } });
  expect(clientSecret(fromFile, {}, () => `${SECRET}\n`)).toBe(SECRET);
  const jwt = app({ confidential: { jwksUrl: "https://benefits.example.jp/jwks" } });
  expect(clientSecret(jwt, {})).toBeUndefined();
  expect(desiredPortalClient(jwt)).toMatchObject({
    publicClient: false,
    clientAuthenticatorType: "client-jwt",
    attributes: { "use.jwks.url": "true", "jwks.url": "https://benefits.example.jp/jwks" },
  });
});

test.each([
  [{}, /secretEnv BENEFITS_SECRET: no secret there/],
  [{ BENEFITS_SECRET: "short" }, /has 5 characters, at least 32/],
])("a missing or weak secret stops provisioning, naming the client and the variable (env %j)", (env, message) => {
  const client = app({ confidential: { secretEnv: "BENEFITS_SECRET" } });
  expect(() => clientSecret(client, env)).toThrow(ConfigError);
  expect(() => clientSecret(client, env)).toThrow(message);
});

test("an unreadable secret file names the file, never its content", () => {
  const client = app({ confidential: { secretFile: "/nowhere/secret" } });
  expect(() => clientSecret(client, {})).toThrow(
    /benefits-app: confidential\.secretFile \/nowhere\/secret: cannot read the file \(ENOENT\)/,
  );
});

test("diff ignores list order and keys Keycloak adds, and reports field-level changes", () => {
  expect(sameValue(["en", "ja"], ["ja", "en"])).toBe(true);
  expect(diffFields({ a: 1, extra: true, nested: { x: "1", y: "2" } }, { a: 1, nested: { x: "1" } })).toEqual([]);
  expect(diffFields({ a: 1, nested: { x: "1" } }, { a: 2, nested: { x: "3" } })).toEqual([
    "a: 1 → 2",
    'nested.x: "1" → "3"',
  ]);
  expect(diffFields({ password: "old" }, { password: "new" }, ["password"])).toEqual(["password: (secret changed)"]);
});
