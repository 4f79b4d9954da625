import { z } from "zod";

/**
 * One health insurance society's realm, as the society's admins write it (YAML).
 * Everything member-facing is given in Japanese and English; Japanese is the default locale.
 */
const localized = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();

const redirectUri = z
  .string()
  .url()
  .refine((u) => !u.includes("*") || u.endsWith("/*"), "wildcards are only allowed as a trailing /*");

export const portalClientSchema = z
  .object({
    clientId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and '-' (2–63 chars)"),
    name: localized,
    rootUrl: z.string().url(),
    redirectUris: z.array(redirectUri).min(1),
    webOrigins: z.array(z.string()).default([]),
    postLogoutRedirectUris: z.array(redirectUri).default([]),
  })
  .strict();

export const smtpSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    from: z.string().email(),
    fromDisplayName: z.string().optional(),
    ssl: z.boolean().default(false),
    starttls: z.boolean().default(false),
    /** Name of an environment variable holding the SMTP user; secrets never live in the config file. */
    userEnv: z.string().optional(),
    passwordEnv: z.string().optional(),
  })
  .strict();

export const policiesSchema = z
  .object({
    passwordMinLength: z.number().int().min(8).max(128).default(8),
    passwordHistory: z.number().int().min(0).max(24).default(3),
    /** Wrong answers (password or birthdate) before a temporary lockout. */
    maxLoginFailures: z.number().int().min(1).max(100).default(5),
    lockoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** How long a member may take on one login page before the login times out. */
    loginTimeoutMinutes: z.number().int().min(1).max(120).default(30),
    ssoIdleMinutes: z.number().int().min(5).max(24 * 60).default(30),
    ssoMaxHours: z.number().int().min(1).max(72).default(10),
    /** Days an imported (or help-desk re-issued) initial password works; 0: no expiry. */
    initialPasswordDays: z.number().int().min(0).max(3650).default(90),
    /**
     * A register row without an email address: false (default) stops the member at ⑤ with the help desk's
     * contact; true lets the member enter an address at ⑦ (weaker: whoever does the first login chooses it).
     */
    memberEmailEntry: z.boolean().default(false),
    /** How long the link in a password-reset email works. */
    resetLinkMinutes: z.number().int().min(5).max(60).default(30),
    /** Login and admin events (who logged in, failed, changed what) are kept this long. */
    eventsRetentionDays: z.number().int().min(1).max(3650).default(365),
  })
  .strict();

export const societyConfigSchema = z
  .object({
    realm: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and '-' (2–63 chars)")
      // Provisioning closes every side door of the realm it is given: on master it would lock the admins out.
      .refine((r) => r !== "master", "must not be master (Keycloak's admin realm): give the society a realm of its own"),
    societyName: localized,
    portalName: localized,
    /** The member portal's page with the "Login with OpenID Connect" button: where a timed-out login starts again. */
    portalUrl: z.string().url(),
    termsText: localized,
    /** Recorded with each member's acceptance of the terms (kenpoTermsVersion). */
    termsVersion: z.string().regex(/^[0-9A-Za-z._-]{1,32}$/, "letters, digits, '.', '_' or '-' (1–32 chars)").default("1"),
    portalClients: z.array(portalClientSchema).min(1),
    /** Where members call or write: shown when they cannot go on by themselves (e.g. no email address on file). */
    helpDesk: z.string().min(1).max(200).optional(),
    smtp: smtpSchema.optional(),
    policies: policiesSchema.default(() => policiesSchema.parse({})),
    /** Where the kenpo CLI reaches Keycloak's admin API when no --url is given. */
    server: z
      .object({ url: z.string().url().default("http://127.0.0.1:8080") })
      .strict()
      .default(() => ({ url: "http://127.0.0.1:8080" })),
  })
  .strict();

export type SocietyConfig = z.infer<typeof societyConfigSchema>;
export type PortalClientConfig = z.infer<typeof portalClientSchema>;
