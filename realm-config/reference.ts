import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { societyConfigSchema } from "./schema.js";

/**
 * The society config's reference, generated from the schema's metadata (realm-config/schema.ts) so it cannot drift:
 * docs/config.md for people, docs/society-config.schema.json for editors. `npx tsx realm-config/reference.ts --write`
 * rewrites both; without --write it only reports whether they are current (reference.test.ts fails when not).
 */

/** The parts of a JSON Schema node that the reference reads (zod's draft-07 output). */
interface JsonNode {
  type?: string;
  format?: string;
  pattern?: string;
  patternErrorMessage?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  description?: string;
  examples?: unknown[];
  properties?: Record<string, JsonNode>;
  required?: string[];
  items?: JsonNode;
}

export interface KeyEntry {
  /** Where the key sits, e.g. policies.passwordMinLength or portalClients[].clientId. */
  path: string;
  type: string;
  /** "required", "optional" (no default) or the default as YAML. */
  default: string;
  allowed: string;
  description: string;
  /** YAML flow value, or "" when the schema gives no example. */
  example: string;
}

export const DOCS = { markdown: "docs/config.md", jsonSchema: "docs/society-config.schema.json" } as const;

/**
 * draft-07: VS Code's YAML extension (yaml-language-server) supports JSON Schema 7 and below. io "input": keys with a
 * default are optional in the file, which is what an editor should check.
 */
export function societyJsonSchema(schema: z.ZodType = societyConfigSchema): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: "input", target: "draft-07" });
}

/** A value the way it would be written in the YAML file (JSON is valid YAML flow style, and quotes stay visible). */
function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(", ")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${yamlValue(v)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value);
}

const isLocalized = (node: JsonNode) => Object.keys(node.properties ?? {}).join(",") === "ja,en";

function typeWords(node: JsonNode): string {
  switch (node.type) {
    case "string":
      return node.format === "uri" ? "URL" : node.format === "email" ? "email address" : "text";
    case "integer":
    case "number":
    case "boolean":
      return node.type;
    case "array":
      return `list of ${node.items ? plural(typeWords(node.items)) : "values"}`;
    case "object":
      return isLocalized(node) ? "ja + en texts" : "mapping";
    default:
      return node.type ?? "any";
  }
}

function plural(word: string): string {
  if (word === "text") return "texts";
  if (word.endsWith("address")) return `${word}es`;
  return `${word}s`;
}

function allowedWords(node: JsonNode): string {
  const words: string[] = [];
  if (node.minimum !== undefined && node.maximum !== undefined) words.push(`${node.minimum}–${node.maximum}`);
  else if (node.minimum !== undefined) words.push(`≥ ${node.minimum}`);
  else if (node.maximum !== undefined) words.push(`≤ ${node.maximum}`);
  if (node.minLength !== undefined && node.maxLength !== undefined)
    words.push(`${node.minLength}–${node.maxLength} characters`);
  else if (node.minLength === 1) words.push("not empty");
  else if (node.minLength !== undefined) words.push(`at least ${node.minLength} characters`);
  // zod's email format carries a long regular expression of its own: "email address" already says it.
  if (node.patternErrorMessage) words.push(node.patternErrorMessage);
  else if (node.pattern && node.format !== "email") words.push(`matches \`${node.pattern}\``);
  if (node.minItems !== undefined) words.push(node.minItems === 1 ? "at least one" : `at least ${node.minItems}`);
  return words.join("; ");
}

function defaultWords(node: JsonNode, required: boolean): string {
  if (node.default === undefined) return required ? "required" : "optional";
  if (node.default && typeof node.default === "object" && !Array.isArray(node.default)) return "each key's default";
  return yamlValue(node.default);
}

/** Every key of the file, parents before their children, in the schema's order. */
export function collectKeys(root: JsonNode): KeyEntry[] {
  const entries: KeyEntry[] = [];
  const visit = (object: JsonNode, prefix: string) => {
    for (const [key, node] of Object.entries(object.properties ?? {})) {
      const path = `${prefix}${key}`;
      entries.push({
        path,
        type: typeWords(node),
        default: defaultWords(node, object.required?.includes(key) ?? false),
        allowed: allowedWords(node),
        description: node.description ?? "",
        example: node.examples?.length ? yamlValue(node.examples[0]) : "",
      });
      if (node.type === "object") visit(node, `${path}.`);
      if (node.type === "array" && node.items?.type === "object") visit(node.items, `${path}[].`);
    }
  };
  visit(root, "");
  return entries;
}

/**
 * Text for a Markdown table cell: outside `code spans` the characters Markdown would take as markup (an HTML tag in
 * "<realm>", emphasis in "/*") are escaped; "|" is escaped everywhere because it ends the cell.
 */
function cell(text: string): string {
  return text
    .split("`")
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_<>[\]]/g, (c) => `\\${c}`)))
    .join("`")
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ");
}

const code = (text: string) => (text ? `\`${text.replace(/\|/g, "\\|")}\`` : "");

export const TABLE_HEADER = "| key | type | default | allowed | description | example |\n|---|---|---|---|---|---|";

export function renderRow(entry: KeyEntry): string {
  const def =
    entry.default === "required" || entry.default === "optional" || entry.default === "each key's default"
      ? entry.default
      : code(entry.default);
  return `| ${code(entry.path)} | ${entry.type} | ${def} | ${cell(entry.allowed) || "—"} | ${cell(entry.description)} | ${code(entry.example)} |`;
}

const INTRO = `# Society config reference

<!-- Generated from realm-config/schema.ts by \`npx tsx realm-config/reference.ts --write\`: edit the descriptions there, not here. -->

One YAML file declares a health insurance society's realm; \`kenpo provision\` makes the realm in Keycloak match it.
This page lists every key the file may have. A key that is not listed is refused, with the nearest valid keys named.

## Start from the demo

1. Copy [realm-config/societies/demo.yaml](../realm-config/societies/demo.yaml), the demo society that \`npm start\`
   provisions, e.g. to \`realm-config/societies/my-society.yaml\`, and change the names, URLs and mail server.
2. Keep its first line, \`# yaml-language-server: $schema=../../docs/society-config.schema.json\`: VS Code's YAML
   extension (Red Hat) then checks the file while you type and shows each key's description on hover. The path is
   relative to the YAML file; for a copy elsewhere, point it at [docs/society-config.schema.json](society-config.schema.json)
   from there.
3. Check it:

   \`\`\`sh
   npm run kenpo -- provision --config realm-config/societies/my-society.yaml --dry-run
   \`\`\`

   The file is checked before Keycloak is contacted: every problem is one line with the key's path, e.g.
   \`smtp: unknown key "user" — did you mean "userEnv"?\`. A valid file then gives the plan against \`server.url\` (or
   \`--url\`) and writes nothing; the admin account comes from \`KENPO_ADMIN_USER\` / \`KENPO_ADMIN_PASSWORD\`.
   Without \`--dry-run\` the plan is applied.

Reading the tables: \`policies.passwordMinLength\` is the key \`passwordMinLength:\` inside \`policies:\`;
\`portalClients[].clientId\` is a key of each entry of the \`portalClients:\` list. *required* means required whenever
the mapping it belongs to is given. Examples are written the way they may stand in the file (YAML flow style).
`;

/** The top-level keys that get a section of their own: mappings and lists of mappings, not the ja + en texts. */
function ownSection(node: JsonNode): boolean {
  const object = node.type === "array" ? node.items : node;
  return object?.type === "object" && !isLocalized(object);
}

export function renderMarkdown(jsonSchema: JsonNode): string {
  const entries = collectKeys(jsonSchema);
  const top = Object.entries(jsonSchema.properties ?? {});
  const under = (key: string) =>
    entries.filter((e) => e.path === key || e.path.startsWith(`${key}.`) || e.path.startsWith(`${key}[].`));
  const table = (rows: KeyEntry[]) => `${TABLE_HEADER}\n${rows.map(renderRow).join("\n")}\n`;

  const sections = [
    `## Top level\n\n${table(top.filter(([, node]) => !ownSection(node)).flatMap(([key]) => under(key)))}`,
  ];
  for (const [key, node] of top.filter(([, n]) => ownSection(n))) {
    // The key's own description is its first row; a list's entries may say more about themselves.
    const entry = node.type === "array" ? node.items?.description : undefined;
    sections.push(`## \`${key}\`\n\n${entry ? `${cell(entry)}\n\n` : ""}${table(under(key))}`);
  }
  return `${INTRO}\n${sections.join("\n")}`;
}

/** The two committed files' contents, exactly as they should be on disk. Pure: schema in, text out. */
export function generateReference(schema: z.ZodType = societyConfigSchema): { jsonSchema: string; markdown: string } {
  const json = societyJsonSchema(schema);
  return { jsonSchema: `${JSON.stringify(json, null, 2)}\n`, markdown: renderMarkdown(json) };
}

/** The committed files that differ from what the schema makes now (paths relative to the repository root). */
export function staleDocs(root: string): string[] {
  const generated = generateReference();
  const stale: string[] = [];
  for (const [kind, file] of Object.entries(DOCS) as [keyof typeof DOCS, string][]) {
    let onDisk = "";
    try {
      onDisk = readFileSync(resolve(root, file), "utf8");
    } catch {
      // A missing file is as stale as a wrong one.
    }
    if (onDisk !== generated[kind]) stale.push(file);
  }
  return stale;
}

function main(argv: string[]): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  if (argv.includes("--write")) {
    const generated = generateReference();
    for (const [kind, file] of Object.entries(DOCS) as [keyof typeof DOCS, string][])
      writeFileSync(resolve(root, file), generated[kind]);
    process.stdout.write(`wrote ${Object.values(DOCS).join(" and ")}\n`);
    return;
  }
  const stale = staleDocs(root);
  if (stale.length === 0) {
    process.stdout.write(`${Object.values(DOCS).join(" and ")} match realm-config/schema.ts\n`);
    return;
  }
  process.stderr.write(`out of date: ${stale.join(", ")}; run npx tsx realm-config/reference.ts --write\n`);
  process.exitCode = 1;
}

// Run as a script (tsx realm-config/reference.ts), not when imported by the tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main(process.argv.slice(2));
