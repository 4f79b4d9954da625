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
  })
  .strict();

export const societyConfigSchema = z
  .object({
    realm: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and '-' (2–63 chars)"),
    societyName: localized,
    portalName: localized,
    /** The member portal's page with the "Login with OpenID Connect" button: where a timed-out login starts again. */
    portalUrl: z.string().url(),
    termsText: localized,
    portalClients: z.array(portalClientSchema).min(1),
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
