// Renders the pages' static shells (src/shell/renderShells.tsx) with Vite's SSR loader and writes them to
// dist_shell/shells.json, which vite.config.ts's postBuild puts into the generated .ftl pages.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import { createServer } from "vite";

const themeDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(themeDir, "dist_shell", "shells.json");

// The pages render as in a browser: Keycloakify's i18n adds a <style> when it loads and sanitizes
// messages through the DOM; pages read the user agent for defaults.
const { window } = new JSDOM("<!doctype html><html><head></head><body></body></html>");
for (const key of ["window", "document", "navigator", "DOMParser", "Node", "HTMLElement"]) {
  Object.defineProperty(globalThis, key, { value: window[key], configurable: true, writable: true });
}

const vite = await createServer({
  root: themeDir,
  configFile: false,
  appType: "custom",
  logLevel: "warn",
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  // Keycloakify's modules read import.meta.env (BASE_URL): let Vite transform them too.
  ssr: { noExternal: ["keycloakify"] },
});
const { renderShells } = await vite.ssrLoadModule("/src/shell/renderShells.tsx");
const shells = renderShells();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(shells, null, 2));
console.log(`theme shells: ${Object.keys(shells).length} pages → ${out}`);
// Vite's module runner reports a late error when the server closes under it; nothing is left to do.
process.exit(0);
