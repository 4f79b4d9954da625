import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { z, type ZodError } from "zod";
import { societyConfigSchema, type SocietyConfig } from "./schema.js";
import { t } from "../admin-messages/catalogue.js";
import { logoDataUri } from "./brand.js";
import { ConfigError } from "./config-error.js";

export { ConfigError };

/** Where every key is explained; named at the end of every invalid-config message. */
export const CONFIG_REFERENCE = "docs/config.md";

/** Longest value quoted back in a message: a pasted certificate or terms text would drown the problem. */
const MAX_SHOWN = 80;

const SMTP_AUTH =
  "SMTP authentication is userEnv + passwordEnv: names of environment variables holding the user and password";
const SMTP_TLS =
  "ssl: TLS from the first byte (usually port 465); starttls: a plain connection upgraded to TLS (usually port 587)";
const SESSIONS =
  "a login session's length is policies.ssoIdleMinutes (without activity) and policies.ssoMaxHours (at most)";

/**
 * Guesses admins make that no spelling distance catches, or where the nearest key alone would mislead
 * (`user: alice` renamed to `userEnv: alice` names an environment variable "alice"). Keyed by the mapping's path
 * ("" for the top level; list indexes left out).
 */
const KEY_HINTS: Record<string, Record<string, string>> = {
  "": {
    mail: "the mail server is smtp",
    email: "the mail server is smtp",
    session: SESSIONS,
    sessions: SESSIONS,
    url: "Keycloak's URL is server.url; the member portal's is portalUrl",
    keycloakUrl: "Keycloak's URL is server.url",
  },
  smtp: {
    auth: SMTP_AUTH,
    authentication: SMTP_AUTH,
    user: "userEnv is the name of an environment variable holding the user, not the user itself",
    username: SMTP_AUTH,
    password: "passwordEnv is the name of an environment variable holding the password, not the password itself",
    tls: SMTP_TLS,
    secure: SMTP_TLS,
  },
  policies: { session: SESSIONS, sessionTimeout: SESSIONS, sessionIdleTimeout: SESSIONS },
};

/**
 * Levenshtein distance. Written here (not a dependency): no direct dependency provides one, and `leven` in
 * node_modules is only jest's.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The valid keys an unknown key most likely meant, best first: a one-letter slip ("ssoMaxHour"); else every key
 * containing the guess or contained in it ("user" → userEnv, "clients" → portalClients); else the closest spellings
 * within about a third of the guess's length; else keys sharing its first four letters ("policy" → policies).
 */
export function nearestKeys(unknown: string, keys: readonly string[]): string[] {
  const guess = unknown.toLowerCase();
  const limit = Math.max(2, Math.floor(guess.length / 3));
  const candidates = keys.map((key) => {
    const k = key.toLowerCase();
    const distance = editDistance(guess, k);
    const contains = (guess.length >= 3 && k.includes(guess)) || (k.length >= 3 && guess.includes(k));
    const prefix = guess.length >= 4 && k.startsWith(guess.slice(0, 4));
    return { key, distance, tier: distance <= 1 ? 0 : contains ? 1 : distance <= limit ? 2 : prefix ? 3 : Infinity };
  });
  const tier = Math.min(...candidates.map((c) => c.tier));
  const best = candidates.filter((c) => c.tier === tier && tier < Infinity);
  const closest = Math.min(...best.map((c) => c.distance));
  // Every key containing the guess is offered ("name": portalName or societyName); otherwise only the closest.
  return best
    .filter((c) => c.tier === 1 || c.distance === closest)
    .sort((a, b) => a.distance - b.distance)
    .map((c) => c.key);
}

/** Steps through defaults and optionals to the schema that validates the value itself. */
function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  while (node instanceof z.ZodDefault || node instanceof z.ZodOptional || node instanceof z.ZodNullable)
    node = node.unwrap() as z.ZodType;
  return node;
}

/** The mapping's schema at an issue's path (list indexes step into the list's entries), if it is one. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | undefined {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (node instanceof z.ZodObject && typeof key === "string") node = (node.shape as Record<string, z.ZodType>)[key];
    else if (node instanceof z.ZodArray && typeof key === "number") node = node.element as z.ZodType;
    else return undefined;
    if (!node) return undefined;
    node = unwrap(node);
  }
  return node instanceof z.ZodObject ? node : undefined;
}

/** portalClients[0].redirectUris[1], the way docs/config.md writes paths (with [] there). */
function formatPath(path: readonly PropertyKey[]): string {
  const text = path
    .map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`))
    .join("")
    .replace(/^\./, "");
  return text || "(top level)";
}

/** The value a problem is about, quoted back: scalars only, cut short; a mapping or list would print the file back. */
function shown(value: unknown): string {
  if (value === undefined || (typeof value === "object" && value !== null)) return "";
  const text = JSON.stringify(value) ?? typeof value;
  return ` (got ${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text})`;
}

const YAML_KINDS: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "text",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
};

const orList = (items: string[]) =>
  items.length <= 1 ? items.join("") : t("orList", { items: items.slice(0, -1).join(", "), last: items.at(-1)! });

function unknownKeyLine(where: string, mappingPath: string, key: string, known: readonly string[]): string {
  const suggestions = nearestKeys(key, known);
  // Own properties only: an unknown key may well be "constructor".
  const hints = Object.hasOwn(KEY_HINTS, mappingPath) ? KEY_HINTS[mappingPath]! : {};
  const hint = Object.hasOwn(hints, key) ? hints[key] : undefined;
  const parts = [
    suggestions.length > 0 ? t("configDidYouMean", { keys: orList(suggestions.map((s) => `"${s}"`)) }) : "",
    hint ?? "",
  ].filter(Boolean);
  const keysHere = known.length > 0 ? ` ${t("configKeysHere", { keys: known.join(", ") })}` : "";
  return `${t("configUnknownKey", { where, key })}${parts.length > 0 ? ` — ${parts.join(" ")}` : ""}${keysHere}`;
}

/**
 * One line per problem, e.g. "policies.passwordMinLength: Too small: expected number to be >=8 (got 4)" or
 * 'smtp: unknown key "user" — did you mean "userEnv"? … (keys here: host, port, …)'.
 */
export function describeIssues(error: ZodError, input: unknown, schema: z.ZodType = societyConfigSchema): string[] {
  return error.issues.flatMap((issue) => {
    const where = formatPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      const known = Object.keys(objectAt(schema, issue.path)?.shape ?? {});
      const mappingPath = issue.path.filter((key) => typeof key === "string").join(".");
      return issue.keys.map((key) => unknownKeyLine(where, mappingPath, key, known));
    }
    let got: unknown = input;
    for (const key of issue.path)
      got = got && typeof got === "object" ? (got as Record<PropertyKey, unknown>)[key] : undefined;
    if (issue.code === "invalid_type" && got === undefined && issue.path.length > 0) {
      return [t("configKeyMissing", { where, kind: YAML_KINDS[issue.expected] ?? issue.expected })];
    }
    // YAML reads 2026.04 or yes as a number or boolean; only quotes keep them text.
    const quote =
      issue.code === "invalid_type" &&
      issue.expected === "string" &&
      (typeof got === "number" || typeof got === "boolean");
    return [`${where}: ${issue.message}${shown(got)}${quote ? `: ${t("configQuoteIt")}` : ""}`];
  });
}

/**
 * The society file's content, checked. `baseDir` is the file's folder: brand.logo is resolved against it (the
 * returned config carries the absolute path) and the logo itself is checked now, before any realm is touched.
 */
export function parseSocietyConfig(input: unknown, source = "config", baseDir = process.cwd()): SocietyConfig {
  const result = societyConfigSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      `${t("configInvalid", { source })}\n  ${describeIssues(result.error, input).join("\n  ")}\n${t("configReference", { reference: CONFIG_REFERENCE })}`,
    );
  }
  const config = result.data;
  if (config.brand?.logo !== undefined) {
    config.brand.logo = resolve(baseDir, config.brand.logo);
    try {
      logoDataUri(config.brand.logo);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw new ConfigError(
        `${t("configInvalid", { source })}\n  ${error.message}\n${t("configReference", { reference: CONFIG_REFERENCE })}`,
      );
    }
  }
  return config;
}

export function loadSocietyConfig(file: string): SocietyConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(t("configUnreadable", { file, reason: (error as Error).message }));
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ConfigError(t("configNotYaml", { file, reason: (error as Error).message }));
  }
  return parseSocietyConfig(raw, file, dirname(resolve(file)));
}
