import { z } from "zod";
import { BRAND } from "../contracts/index.js";
import { contrastWithWhite, formatRatio, MIN_CONTRAST } from "./brand.js";

// Every key's description and example live here, in the schema's metadata: docs/config.md and
// docs/society-config.schema.json are generated from it (realm-config/reference.ts), so the reference, the editor's
// hover text and the validation can never disagree. Parsing is untouched by metadata.

/**
 * A string matching `pattern`. The same words are the error message and the JSON Schema's patternErrorMessage,
 * which VS Code's YAML and JSON validators show instead of the bare regular expression.
 */
function matching(pattern: RegExp, words: string) {
  return z.string().regex(pattern, words).meta({ patternErrorMessage: words });
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const SLUG_WORDS = "lower-case letters, digits and '-' (2–63 chars)";

// Everything member-facing is given in Japanese and English; Japanese is the default locale.
const localizedSchema = z
  .object({
    ja: z.string().min(1).describe("Japanese (the default locale)."),
    en: z.string().min(1).describe("English."),
  })
  .strict();

function localized(description: string, example: { ja: string; en: string }) {
  return localizedSchema.meta({ description, examples: [example] });
}

/**
 * Keycloak's own clients in every realm: never a portal's clientId (provisioning would take them over) and never
 * removed by provisioning.
 */
export const BUILT_IN_CLIENT_IDS = [
  "account",
  "account-console",
  "admin-cli",
  "broker",
  "realm-management",
  "security-admin-console",
] as const;

const WILDCARD_WORDS = "wildcards are only allowed as a trailing /*";
const redirectUri = z
  .string()
  .url()
  .refine((u) => !u.includes("*") || u.endsWith("/*"), WILDCARD_WORDS);

/** Shortest client secret accepted: 256 bits in base64 (`openssl rand -base64 32`). */
export const MIN_SECRET_LENGTH = 32;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const confidentialSchema = z
  .object({
    secretEnv: matching(ENV_NAME, "an environment variable's name (letters, digits, '_')")
      .optional()
      .meta({
        description: `The name of an environment variable holding the client secret (at least ${MIN_SECRET_LENGTH} characters), read by \`kenpo provision\`; the secret itself never lives in the config file.`,
        examples: ["KENPO_BENEFITS_APP_SECRET"],
      }),
    secretFile: z
      .string()
      .refine((f) => f.startsWith("/"), "an absolute path (it is read wherever `kenpo provision` runs)")
      .optional()
      .meta({
        description:
          "The absolute path of a file holding the client secret (at least 32 characters; a trailing line break is ignored), e.g. a Docker secret.",
        examples: ["/run/secrets/benefits_app_secret"],
      }),
    jwksUrl: z
      .string()
      .url()
      .optional()
      .meta({
        description:
          "private_key_jwt instead of a secret: the app signs its token requests with its own key, published at this JWKS URL.",
        examples: ["https://benefits.example-kenpo.jp/.well-known/jwks.json"],
      }),
  })
  .strict()
  .refine(
    (c) => [c.secretEnv, c.secretFile, c.jwksUrl].filter((v) => v !== undefined).length === 1,
    "give exactly one of secretEnv, secretFile or jwksUrl",
  )
  .meta({
    description:
      "A server-side app that authenticates at the token endpoint: with a client secret (secretEnv or secretFile) or private_key_jwt (jwksUrl). Left out: a public client (a browser or native app, no secret). Both kinds use PKCE S256.",
  });

export const portalClientSchema = z
  .object({
    clientId: matching(SLUG, SLUG_WORDS)
      .refine(
        (id) => !(BUILT_IN_CLIENT_IDS as readonly string[]).includes(id),
        `must not be one of Keycloak's own clients (${BUILT_IN_CLIENT_IDS.join(", ")})`,
      )
      .meta({
        description: "The app's OIDC client_id (keycloak-js `clientId`); also the `aud` of its access tokens.",
        examples: ["member-portal"],
      }),
    name: localized(
      "The app's name: the login pages' header while a member logs in to it, and its name in the admin console (ja: name, en: description).",
      {
        ja: "加入者ページ",
        en: "Member portal",
      },
    ),
    rootUrl: z
      .string()
      .url()
      .meta({
        description:
          "The app's base URL: where the login pages' ways back (start again, the QR code for the smartphone, back) lead a member who came from this app.",
        examples: ["https://portal.example-kenpo.jp/"],
      }),
    confidential: confidentialSchema.optional(),
    allowWildcardRedirects: z
      .boolean()
      .default(false)
      .describe(
        "Allow a trailing /* in redirectUris and postLogoutRedirectUris. Off by default: a wildcard lets any page under it receive a member's code; list exact URIs instead.",
      ),
    redirectUris: z
      .array(redirectUri)
      .min(1)
      .meta({
        description:
          "Where Keycloak may send a member back after login: the app's redirect_uri must match one exactly (a trailing `/*` only with allowWildcardRedirects).",
        examples: [["https://portal.example-kenpo.jp/callback"]],
      }),
    webOrigins: z
      .array(z.string())
      .default([])
      .meta({
        description:
          'Browser origins (scheme://host[:port], no path) allowed to call Keycloak from the app\'s pages (CORS); "+" allows the origins of redirectUris.',
        examples: [["https://portal.example-kenpo.jp"]],
      }),
    postLogoutRedirectUris: z
      .array(redirectUri)
      .default([])
      .meta({
        description:
          "Where Keycloak may send a member after logout (post_logout_redirect_uri must match one); wildcards as in redirectUris.",
        examples: [["https://portal.example-kenpo.jp/"]],
      }),
    backchannelLogoutUrl: z
      .string()
      .url()
      .optional()
      .meta({
        description:
          "Keycloak POSTs a signed logout_token (with the member's sub and sid) here, server to server, when the member's session ends anywhere (logout in another app, help-desk reset, admin).",
        examples: ["https://benefits.example-kenpo.jp/backchannel-logout"],
      }),
    frontchannelLogoutUrl: z
      .string()
      .url()
      .optional()
      .meta({
        description:
          "Keycloak's logout page loads this URL in a hidden iframe (with iss and sid) when the member logs out in the browser; prefer backchannelLogoutUrl.",
        examples: ["https://portal.example-kenpo.jp/frontchannel-logout"],
      }),
  })
  .strict()
  .superRefine((client, ctx) => {
    if (client.allowWildcardRedirects) return;
    for (const key of ["redirectUris", "postLogoutRedirectUris"] as const) {
      client[key].forEach((uri, index) => {
        if (uri.includes("*")) {
          ctx.addIssue({
            code: "custom",
            path: [key, index],
            message: `a wildcard needs allowWildcardRedirects: true (list the exact URI instead)`,
            input: uri,
          });
        }
      });
    }
  })
  .meta({
    description:
      "An app members log in to, as an OIDC client: authorization code with PKCE (S256) only, no password grant, every login at level mfa (password + a registered factor), refresh tokens used once, access tokens addressed to the app (aud). Public, or confidential with confidential.",
  });

export const smtpSchema = z
  .object({
    host: z
      .string()
      .min(1)
      .meta({ description: "The SMTP server (relay) Keycloak sends through.", examples: ["smtp.example-kenpo.jp"] }),
    port: z
      .number()
      .int()
      .min(1)
      .max(65535)
      .meta({
        description: "The SMTP server's port: usually 587 with starttls, 465 with ssl, 25 inside a trusted network.",
        examples: [587],
      }),
    from: z
      .string()
      .email()
      .meta({ description: "The sender address of every email to members.", examples: ["no-reply@example-kenpo.jp"] }),
    fromDisplayName: z
      .string()
      .optional()
      .meta({ description: "The sender's display name; without it, societyName.ja.", examples: ["例示健康保険組合"] }),
    ssl: z.boolean().default(false).describe("Connect with TLS from the first byte (SMTPS, usually port 465)."),
    starttls: z
      .boolean()
      .default(false)
      .describe("Upgrade a plain connection to TLS with STARTTLS (usually port 587)."),
    userEnv: z
      .string()
      .optional()
      .meta({
        description:
          "SMTP authentication: the name of an environment variable holding the SMTP user, read by `kenpo provision`; secrets never live in the config file. Set: Keycloak logs in to the server; left out: no authentication.",
        examples: ["KENPO_SMTP_USER"],
      }),
    passwordEnv: z
      .string()
      .optional()
      .meta({
        description:
          "SMTP authentication: the name of an environment variable holding the SMTP password, read by `kenpo provision` (used together with userEnv).",
        examples: ["KENPO_SMTP_PASSWORD"],
      }),
  })
  .strict()
  .meta({
    description:
      "The mail server for members' emails (email address check, password reset). Left out: provisioning keeps the realm's mail settings as they are (a new realm has none and sends no email).",
  });

export const policiesSchema = z
  .object({
    passwordMinLength: z
      .number()
      .int()
      .min(8)
      .max(128)
      .default(8)
      .meta({ description: "Fewest characters in a member's password.", examples: [10] }),
    passwordHistory: z
      .number()
      .int()
      .min(0)
      .max(24)
      .default(3)
      .describe("How many of a member's previous passwords may not be used again; 0: any."),
    maxLoginFailures: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(5)
      .describe("Wrong answers (password or birthdate) before a temporary lockout."),
    lockoutMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15)
      .describe("How long a lockout lasts, in minutes; it ends by itself (the help desk can lift it earlier)."),
    loginTimeoutMinutes: z
      .number()
      .int()
      .min(1)
      .max(120)
      .default(30)
      .describe(
        "How long a member may take on one login page before the login times out and starts again at the app the member came from (its rootUrl), else at portalUrl.",
      ),
    ssoIdleMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(30)
      .describe("A login session ends after this many minutes without activity (Keycloak's SSO Session Idle)."),
    ssoMaxHours: z
      .number()
      .int()
      .min(1)
      .max(72)
      .default(10)
      .describe("A login session ends this many hours after the login, active or not (Keycloak's SSO Session Max)."),
    initialPasswordDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(90)
      .describe("Days an imported (or help-desk re-issued) initial password works; 0: no expiry."),
    memberEmailEntry: z
      .boolean()
      .default(false)
      .describe(
        "A register row without an email address: false stops the member at ⑤ with the help desk's contact (helpDesk); true lets the member enter an address at the email check after ⑤ (weaker: whoever does the first login chooses it; it is stored once the mailed code is typed).",
      ),
    resetLinkMinutes: z
      .number()
      .int()
      .min(5)
      .max(60)
      .default(30)
      .describe("How long the link in a password-reset email works, in minutes."),
    eventsRetentionDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .default(365)
      .describe("Login and admin events (who logged in, failed, changed what) are kept this many days."),
    registerSyncMaxLeavePercent: z
      .number()
      .min(0)
      .max(100)
      .default(5)
      .meta({
        description:
          "`kenpo sync-register` refuses to disable more than this share of the active members in one run (a truncated register export would otherwise lock out the rest) unless `--force` is given.",
        examples: [2],
      }),
  })
  .strict()
  .meta({
    description:
      "Passwords, lockout, session and link lifetimes, records. Every key has a default; leave out what you do not change.",
  });

export const registerSchema = z
  .object({
    ignoreColumns: z
      .array(z.string().trim().min(1))
      .default([])
      .meta({
        description:
          "Columns of the member register that `kenpo import-members` leaves unread (e.g. notes the office keeps in the same Excel sheet), by their header as the file writes it; full-width/half-width and spaces do not matter. Any other unknown column still stops the import. `--ignore-columns` adds to this list.",
        examples: [["備考", "メモ"]],
      }),
  })
  .strict()
  .meta({ description: "How `kenpo import-members` reads the society's member register." });

export const brandSchema = z
  .object({
    primaryColor: matching(BRAND.color, "a colour as #rrggbb (six hex digits)")
      .refine((hex) => contrastWithWhite(hex) >= MIN_CONTRAST, {
        error: (issue) =>
          `white text on ${String(issue.input)} has a contrast of ${formatRatio(contrastWithWhite(String(issue.input)))}, below WCAG AA's ${MIN_CONTRAST}:1 (the buttons put white text on it): choose a darker colour`,
      })
      .optional()
      .meta({
        description: `The society's colour on the login pages: buttons (with white text), links, focus and the step indicator. A #rrggbb colour whose contrast with white is at least ${MIN_CONTRAST}:1 (WCAG AA); a lighter one is refused. Left out: the theme's blue #0b5cad.`,
        examples: ["#1b6e3a"],
      }),
    logo: z
      .string()
      .regex(/\.(png|svg)$/i, "a .png or .svg file")
      .optional()
      .meta({
        description: `The society's logo in the login pages' header (its alt text is societyName): a PNG or SVG file of at most ${BRAND.maxLogoBytes / 1024} KiB, its path relative to the society file. Shown at most 40 px high. An SVG with scripts, event handlers, embedded HTML or references to other files is refused. Left out: no logo.`,
        examples: ["logos/example-kenpo.svg"],
      }),
  })
  .strict()
  .meta({
    description:
      "The society's look on the login pages. Applied by `kenpo provision` to the running Keycloak (no restart): one theme serves every society's realm. Left out: the theme's default look, no logo.",
  });

const DEFAULT_SERVER_URL = "http://127.0.0.1:8080";

export const societyConfigSchema = z
  .object({
    realm: matching(SLUG, SLUG_WORDS)
      .refine((r) => r !== "master", "must not be master (Keycloak's admin realm): give the society a realm of its own")
      .meta({
        description:
          "The realm's name in Keycloak: part of every login URL (`/realms/<realm>/…`). Never master: provisioning closes every side door of the realm it is given, and on Keycloak's admin realm that would lock the admins out.",
        examples: ["example-kenpo"],
      }),
    societyName: localized(
      "The society's name: the login pages' heading, the sender name of emails (unless smtp.fromDisplayName) and the name members' devices show for a passkey (ja).",
      { ja: "例示健康保険組合", en: "Example Health Insurance Society" },
    ),
    portalName: localized("The member portal's name as the login pages show it.", {
      ja: "例示健保 加入者ページ",
      en: "Example Kenpo member portal",
    }),
    portalUrl: z
      .string()
      .url()
      .meta({
        description:
          "The member portal's page with the \"Login with OpenID Connect\" button: where the login pages' ways back lead when the member's app has no rootUrl (e.g. Keycloak's own pages).",
        examples: ["https://portal.example-kenpo.jp/"],
      }),
    termsText: localized("The terms of use members accept at ④ of the first login; HTML allowed (e.g. `<p>…</p>`).", {
      ja: "<p>本サービスは加入者ご本人のみが利用できます。</p>",
      en: "<p>Only the member may use this service.</p>",
    }),
    termsVersion: matching(/^[0-9A-Za-z._-]{1,32}$/, "letters, digits, '.', '_' or '-' (1–32 chars)")
      .default("1")
      .meta({
        description:
          'Recorded on each member with their acceptance of the terms (user attribute kenpoTermsVersion): change it when termsText changes. Quote it when it looks like a number ("2", "2026.04").',
        examples: ["2026-04"],
      }),
    portalClients: z
      .array(portalClientSchema)
      .min(1)
      .superRefine((clients, ctx) => {
        const seen = new Set<string>();
        clients.forEach((client, index) => {
          if (seen.has(client.clientId)) {
            ctx.addIssue({
              code: "custom",
              path: [index, "clientId"],
              message: `clientId ${client.clientId} is listed twice`,
              input: client.clientId,
            });
          }
          seen.add(client.clientId);
        });
      })
      .describe(
        "The apps members log in to, at least one; the first is the society's portal, the one `npm start` and the CLI's links use. Provisioning removes a client it once created from this list when the list no longer names it; clients it never managed are left alone.",
      ),
    helpDesk: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({
        description:
          "Where members call or write: shown when they cannot go on by themselves (e.g. no email address on file, see policies.memberEmailEntry).",
        examples: ["例示健保 加入者ページ窓口 電話 03-0000-0000（平日 9:00〜17:00）"],
      }),
    smtp: smtpSchema.optional(),
    brand: brandSchema.optional(),
    register: registerSchema.default(() => registerSchema.parse({})),
    policies: policiesSchema.default(() => policiesSchema.parse({})),
    server: z
      .object({
        url: z
          .string()
          .url()
          .default(DEFAULT_SERVER_URL)
          .meta({
            description: "Keycloak's base URL (no /admin, no /realms).",
            examples: ["https://sso.example-kenpo.jp"],
          }),
      })
      .strict()
      .default(() => ({ url: DEFAULT_SERVER_URL }))
      .describe("Where the kenpo CLI reaches Keycloak's admin API when no --url is given."),
  })
  .strict()
  .meta({
    title: "kenpo-keycloak society config",
    description:
      "One health insurance society's realm, as the society's admins write it (YAML) and `kenpo provision` applies it. Everything member-facing is given in Japanese and English; Japanese is the default locale.",
  });

export type SocietyConfig = z.infer<typeof societyConfigSchema>;
export type PortalClientConfig = z.infer<typeof portalClientSchema>;
export type ConfidentialConfig = z.infer<typeof confidentialSchema>;
export type BrandConfig = z.infer<typeof brandSchema>;
