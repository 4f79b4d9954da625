import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { ZodError } from "zod";
import { societyConfigSchema, type SocietyConfig } from "./schema.js";

export class ConfigError extends Error {}

/** "policies.passwordMinLength: Too small: expected number to be >=8 (got 4)" — one line per problem. */
export function describeIssues(error: ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".") || "(top level)";
    let got: unknown = input;
    for (const key of issue.path) got = got && typeof got === "object" ? (got as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    const shown = got === undefined ? "" : ` (got ${JSON.stringify(got)})`;
    return `${path}: ${issue.message}${shown}`;
  });
}

export function parseSocietyConfig(input: unknown, source = "config"): SocietyConfig {
  const result = societyConfigSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(`${source} is invalid:\n  ${describeIssues(result.error, input).join("\n  ")}`);
  }
  return result.data;
}

export function loadSocietyConfig(file: string): SocietyConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid YAML: ${(error as Error).message}`);
  }
  return parseSocietyConfig(raw, file);
}
