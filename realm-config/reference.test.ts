import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { collectKeys, DOCS, generateReference, renderRow, societyJsonSchema, staleDocs } from "./reference.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const keys = collectKeys(societyJsonSchema());
const row = (path: string) => {
  const entry = keys.find((k) => k.path === path);
  if (!entry) throw new Error(`no key ${path}`);
  return renderRow(entry);
};

test("the committed reference is what realm-config/schema.ts makes now (else: npx tsx realm-config/reference.ts --write)", () => {
  expect(staleDocs(root)).toEqual([]);
  const generated = generateReference();
  expect(readFileSync(resolve(root, DOCS.markdown), "utf8")).toBe(generated.markdown);
  expect(readFileSync(resolve(root, DOCS.jsonSchema), "utf8")).toBe(generated.jsonSchema);
});

test.each([
  [
    "policies.passwordMinLength",
    "| `policies.passwordMinLength` | integer | `8` | 8–128 | Fewest characters in a member's password. | `10` |",
  ],
  [
    "policies.ssoIdleMinutes",
    "| `policies.ssoIdleMinutes` | integer | `30` | 5–1440 | A login session ends after this many minutes without activity (Keycloak's SSO Session Idle). |  |",
  ],
  [
    "smtp.userEnv",
    '| `smtp.userEnv` | text | optional | — | SMTP authentication: the name of an environment variable holding the SMTP user, read by `kenpo provision`; secrets never live in the config file. Set: Keycloak logs in to the server; left out: no authentication. | `"KENPO_SMTP_USER"` |',
  ],
  [
    "smtp.ssl",
    "| `smtp.ssl` | boolean | `false` | — | Connect with TLS from the first byte (SMTPS, usually port 465). |  |",
  ],
  [
    "smtp.from",
    '| `smtp.from` | email address | required | — | The sender address of every email to members. | `"no-reply@example-kenpo.jp"` |',
  ],
  [
    "portalClients[].redirectUris",
    '| `portalClients[].redirectUris` | list of URLs | required | at least one | Where Keycloak may send a member back after login: the app\'s redirect\\_uri must match one exactly (a trailing `/*` only with allowWildcardRedirects). | `["https://portal.example-kenpo.jp/callback"]` |',
  ],
  [
    "termsVersion",
    expect.stringMatching(
      /^\| `termsVersion` \| text \| `"1"` \| letters, digits, '\.', '\\_' or '-' \(1–32 chars\) \| Recorded on each member/,
    ),
  ],
  ["helpDesk", expect.stringMatching(/^\| `helpDesk` \| text \| optional \| 1–200 characters \| /)],
  ["policies", expect.stringMatching(/^\| `policies` \| mapping \| each key's default \| — \| /)],
  [
    "societyName",
    expect.stringMatching(
      /^\| `societyName` \| ja \+ en texts \| required \| — \| .* \| `\{ja: "例示健康保険組合", en: "Example Health Insurance Society"\}` \|$/,
    ),
  ],
])("the row of %s", (path, expected) => {
  expect(row(path)).toEqual(expected);
});

test("a cell escapes Markdown outside code spans and the table's | everywhere", () => {
  const rendered = renderRow({
    path: "a.b",
    type: "text",
    default: "x|y",
    allowed: "",
    description: "see <realm> and /* but keep `<p>|</p>` as code",
    example: "",
  });
  expect(rendered).toBe("| `a.b` | text | `x\\|y` | — | see \\<realm\\> and /\\* but keep `<p>\\|</p>` as code |  |");
});

test("every key of the society file is documented", () => {
  expect(keys.length).toBeGreaterThan(30);
  expect(keys.filter((k) => k.description.trim() === "").map((k) => k.path)).toEqual([]);
  // The keys admins could only find in schema.ts before (issue 15).
  for (const path of [
    "smtp.userEnv",
    "smtp.passwordEnv",
    "smtp.ssl",
    "policies.ssoIdleMinutes",
    "policies.ssoMaxHours",
  ]) {
    expect(generateReference().markdown).toContain(`| \`${path}\` |`);
  }
});

test("the demo society's first line points VS Code's YAML extension at the JSON Schema", () => {
  const demo = fileURLToPath(new URL("./societies/demo.yaml", import.meta.url));
  const first = readFileSync(demo, "utf8").split("\n")[0]!;
  const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
  expect(match).not.toBeNull();
  expect(resolve(dirname(demo), match![1]!)).toBe(resolve(root, DOCS.jsonSchema));
  expect(existsSync(resolve(root, DOCS.jsonSchema))).toBe(true);
});
