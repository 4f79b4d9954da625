import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * These folders also run inside Keycloak (Nashorn, ES5.1) in the authenticator bundle: every module
 * in them must type-check against the ES5 library alone, so an ES2015+ API (padStart, Map,
 * normalize…) fails here. The folders are read whole, so a new file there is checked without being listed.
 */
const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED_WITH_KEYCLOAK = ["rules", "contracts"];

function modulesIn(folder: string): string[] {
  return readdirSync(join(repo, folder))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
    .map((f) => join(repo, folder, f));
}

test.each(SHARED_WITH_KEYCLOAK)("every module in %s/ compiles for ES5 with the ES5 library only", (folder) => {
  const files = modulesIn(folder);
  expect(files.length).toBeGreaterThan(0);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES5,
    lib: ["lib.es5.d.ts"],
    module: ts.ModuleKind.ES2015,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    types: [],
    allowImportingTsExtensions: false,
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  expect(diagnostics).toEqual([]);
});
