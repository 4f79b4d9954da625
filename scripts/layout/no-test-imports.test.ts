import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { repoRoot } from "../../runtime/keycloak/paths.js";

/**
 * Product code (the CLI, the manual, the benchmarks, the theme, the portal, journeys/…) must run
 * without the test tree: what both need lives in product folders (journeys/) and the tests import it
 * from there. A test tree is any folder named `test` (test/ at the root, theme/test/).
 */

const SOURCE = /\.(ts|tsx|mts|cts|mjs)$/;
const TEST_FILE = /\.test\.(ts|tsx|mts|cts|mjs)$/;
/** Installed packages and build outputs (.gitignore), which are not our source. */
const NOT_SOURCE = new Set([
  "node_modules",
  "dist",
  "dist_keycloak",
  "dist-gallery",
  "storybook-static",
  "coverage",
  "out",
  "manual-output",
]);
const TOP_LEVEL_OUTPUTS = new Set(["build"]);

function isTestTree(path: string): boolean {
  return relative(repoRoot, path).split(sep).includes("test");
}

function productSources(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") && entry.name !== ".storybook") continue;
      if (
        NOT_SOURCE.has(entry.name) ||
        (dir === repoRoot && TOP_LEVEL_OUTPUTS.has(entry.name)) ||
        entry.name === "test"
      )
        continue;
      productSources(path, found);
    } else if (SOURCE.test(entry.name) && !TEST_FILE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      found.push(path);
    }
  }
  return found;
}

/**
 * The modules `source` (at `file`) imports that lie in a test tree: static and dynamic imports,
 * re-exports and require() calls, as TypeScript's own pre-processor finds them.
 */
function testTreeImports(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith(".") && isTestTree(resolve(dirname(file), specifier)));
}

describe("product code never imports the test tree", () => {
  test("the check recognises every way of importing a test module", () => {
    const file = join(repoRoot, "manual", "example.ts");
    const source = [
      'import { launchBrowser } from "../../test/support/browser.js";',
      'export { seededUser } from "../../test/support/seed.js";',
      'const { startTestKeycloak } = await import("../../test/support/test-keycloak.js");',
      'const render = require("../../theme/test/render");',
      'import { Journey } from "../../journeys/http-journey.js";',
      'import { describe } from "node:test";',
    ].join("\n");
    expect(testTreeImports(file, source)).toEqual([
      "../../test/support/browser.js",
      "../../test/support/seed.js",
      "../../test/support/test-keycloak.js",
      "../../theme/test/render",
    ]);
  });

  test("no non-test source file outside test/ imports from a test/ folder", () => {
    const files = productSources(repoRoot);
    // The walk must reach the product code that used to import test/support.
    expect(files).toEqual(
      expect.arrayContaining([
        join(repoRoot, "manual", "generate.ts"),
        join(repoRoot, "bench", "login.ts"),
        join(repoRoot, "journeys", "browser-journeys.ts"),
      ]),
    );
    const offenders = files.flatMap((file) =>
      testTreeImports(file, readFileSync(file, "utf8")).map(
        (specifier) => `${relative(repoRoot, file)} imports ${specifier}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
