import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * These modules also run inside Keycloak (Nashorn, ES5.1) in the birthdate authenticator: they must
 * type-check against the ES5 library alone, so an ES2015+ API (padStart, Map, normalize…) fails here.
 */
test("the modules shared with the authenticators compile for ES5 with the ES5 library only", () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const files = ["text.ts", "birthdate.ts", "initial-password.ts", "user-id.ts", "member-key.ts"].map((f) => join(here, f));
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
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(diagnostics).toEqual([]);
});
