import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { keycloakify } from "keycloakify/vite-plugin";
import { REALM_TEXT } from "../contracts/index.js";
import { injectShells } from "./src/shell/injectShells";

// Realm localization texts the theme reads. Keycloakify sends a message to the browser only when
// its key appears as a string somewhere in the page's data model, so each key is named by a theme
// property (properties not starting with "kc" are serialized). Realm overrides then win over the
// theme's fallbacks in messages_<lang>.properties. See README "Society texts".
const realmTextKeys = Object.values(REALM_TEXT);

/**
 * Keycloakify's i18n imports its default texts through one switch over ~30 languages, so the build emitted a
 * chunk per language. The realm offers LOCALES only (contracts/): that import goes to our switch over them.
 */
function onlyRealmLocales(): Plugin {
  const ours = fileURLToPath(new URL("./src/login/messages_defaultSet.ts", import.meta.url));
  return {
    name: "kenpo-only-realm-locales",
    enforce: "pre",
    resolveId(source, importer) {
      if (source === "../messages_defaultSet" && importer?.includes("/keycloakify/login/i18n/")) return ours;
      return null;
    },
  };
}

/**
 * The pages members load run on preact/compat: react-dom's client alone was ≈ 200 KB of the entry chunk
 * (≈ 60 KB over a phone's 3G after gzip, and its start-up under a slow CPU) for what preact does in ≈ 12 KB
 * (`npm run bench:theme`). Only the theme build is aliased: the build-time shells (scripts/render-shells.mjs),
 * the unit tests and Storybook keep React, whose output the shells must match.
 */
const preactInBrowser = [
  ["react", "preact/compat"],
  ["react-dom", "preact/compat"],
  ["react-dom/client", "preact/compat/client"],
  ["react/jsx-runtime", "preact/jsx-runtime"],
  ["react/jsx-dev-runtime", "preact/jsx-runtime"],
].map(([find, replacement]) => ({ find: new RegExp(`^${find}$`), replacement }));

export default defineConfig(({ command }) => ({
  resolve: { alias: command === "build" && !process.env.STORYBOOK ? preactInBrowser : [] },
  plugins: [
    onlyRealmLocales(),
    react(),
    keycloakify({
      themeName: "kenpo",
      accountThemeImplementation: "none",
      // Only Keycloak 26 is supported (package.json config.keycloakVersion).
      keycloakVersionTargets: {
        "22-to-25": false,
        "all-other-versions": "kenpo-theme.jar",
      },
      extraThemeProperties: realmTextKeys.map((key) => `kenpoText_${key}=${key}`),
      // Runs in the generated resources folder: each page's pre-rendered shell, inline CSS (src/shell/).
      postBuild: () => {
        injectShells({
          resourcesDir: process.cwd(),
          themeName: "kenpo",
          shellsFile: fileURLToPath(new URL("./dist_shell/shells.json", import.meta.url)),
        });
        return Promise.resolve();
      },
    }),
  ],
}));
