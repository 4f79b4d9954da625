/**
 * `npm run build:authenticators`: TypeScript → ES5 (tsc) → one self-contained script (esbuild, no
 * module system: Nashorn evaluates each file as a plain script) → checked to parse as ES5 (acorn) →
 * build/providers/kenpo-authenticators.jar with META-INF/keycloak-scripts.json.
 *
 * Every authenticator file in the JAR holds the same code, which picks the authenticator by the
 * execution Keycloak runs. Keycloak shares one script engine between all JavaScript authenticators
 * and swaps its global bindings on every call (AbstractEvaluatableScriptAdapter.prepareInvokableScript),
 * so under concurrent logins a call can run another script's `authenticate`/`action`: with one
 * file per authenticator, a member posting ③ was sometimes shown ⑤. With identical files, whichever
 * script's globals win, the same code runs and dispatches on the context it was given.
 */
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "acorn";
import { build } from "esbuild";
import ts from "typescript";
import { ZipFile } from "yazl";
import { authenticatorId, SCRIPTS } from "./scripts.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const work = join(repo, ".cache", "authenticators");
export const JAR = join(repo, "build", "providers", "kenpo-authenticators.jar");

/** Keycloak calls these global functions; the bundle keeps our code in one namespace object. */
const FOOTER = `
function authenticate(context) { kenpo.authenticate(context); }
function action(context) { kenpo.action(context); }
`;

export function compileToEs5(): string {
  const outDir = join(work, "tsc");
  rmSync(outDir, { recursive: true, force: true });
  const program = ts.createProgram(
    SCRIPTS.map((s) => join(here, "src", `${s.name}.ts`)).concat(join(here, "types", "keycloak.d.ts")),
    {
      target: ts.ScriptTarget.ES5,
      lib: ["lib.es5.d.ts"],
      module: ts.ModuleKind.ES2015,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noUncheckedIndexedAccess: true,
      types: [],
      rootDir: repo,
      outDir,
      noEmitOnError: true,
    },
  );
  const result = program.emit();
  const diagnostics = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  if (diagnostics.length > 0) {
    const text = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => repo,
      getNewLine: () => "\n",
    });
    throw new Error(`authenticators do not compile for ES5:\n${text}`);
  }
  return outDir;
}

/** The bundle's entry: every authenticator module, chosen by the execution's authenticator id. */
function dispatcher(): string {
  const imports = SCRIPTS.map((s, i) => `import * as m${i} from "./authenticators/src/${s.name}.js";`);
  const table = SCRIPTS.map((s, i) => `${JSON.stringify(authenticatorId(s))}: m${i}`).join(", ");
  return `${imports.join("\n")}
var byId = { ${table} };
function pick(context) {
  var id = String(context.getExecution().getAuthenticator());
  var chosen = byId[id];
  if (!chosen) throw new Error("kenpo: no authenticator " + id);
  return chosen;
}
export function authenticate(context) { pick(context).authenticate(context); }
// Like Keycloak for a script without action(): nothing to do.
export function action(context) { var chosen = pick(context); if (chosen.action) chosen.action(context); }
`;
}

export async function bundle(tscOut: string): Promise<Map<string, string>> {
  const out = await build({
    stdin: { contents: dispatcher(), resolveDir: tscOut, sourcefile: "kenpo-dispatch.js" },
    bundle: true,
    format: "iife",
    globalName: "kenpo",
    target: "es5",
    write: false,
    legalComments: "none",
    // Japanese literals as \u escapes: the script engine never has to guess the file encoding.
    charset: "ascii",
    banner: { js: "// kenpo authenticators: built from authenticators/src/*.ts by authenticators/build.ts" },
    footer: { js: FOOTER },
  });
  const code = out.outputFiles[0]!.text;
  // Nashorn runs ES5.1: anything newer must fail the build, not a member's login.
  parse(code, { ecmaVersion: 5, sourceType: "script" });
  return new Map(SCRIPTS.map((script) => [`${script.name}.js`, code]));
}

export function scriptsManifest(): string {
  return JSON.stringify(
    {
      authenticators: SCRIPTS.map((s) => ({
        name: s.displayName,
        fileName: `${s.name}.js`,
        description: s.description,
      })),
    },
    null,
    2,
  );
}

export async function writeJar(files: Map<string, string>, jar = JAR): Promise<void> {
  mkdirSync(dirname(jar), { recursive: true });
  const zip = new ZipFile();
  // A fixed date keeps the JAR byte-identical for identical sources.
  const mtime = new Date("2026-01-01T00:00:00Z");
  zip.addBuffer(Buffer.from("Manifest-Version: 1.0\r\nCreated-By: kenpo-keycloak\r\n\r\n"), "META-INF/MANIFEST.MF", {
    mtime,
  });
  zip.addBuffer(Buffer.from(scriptsManifest()), "META-INF/keycloak-scripts.json", { mtime });
  for (const [name, code] of files) zip.addBuffer(Buffer.from(code), name, { mtime });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(jar)).on("close", resolve).on("error", reject);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await bundle(compileToEs5());
  await writeJar(files);
  process.stderr.write(`authenticators: ${[...files.keys()].join(", ")} → ${JAR.replace(`${repo}/`, "")}\n`);
}
