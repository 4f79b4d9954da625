// One ESLint config for the whole tree (root package and the theme workspace). Formatting is
// Prettier's job (.prettierrc): eslint-config-prettier, last, turns off every rule that would
// disagree with it. `npm run lint` runs both.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // Build output, caches and generated files.
    ignores: [
      "**/node_modules/",
      ".cache/",
      "build/",
      "out/",
      "coverage/",
      "manual-output/",
      "theme/dist/",
      "theme/dist_keycloak/",
      "theme/dist-gallery/",
      "theme/storybook-static/",
      "theme/screenshots/",
      // Keycloak's login scripts, copied in by Keycloakify for the dev server.
      "theme/public/keycloakify-dev-resources/",
      // Written by Keycloakify's `update-kc-gen` on every Vite run.
      "theme/src/kc.gen.tsx",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with the tsconfig that compiles it (the root's or the theme's).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: "error",
    },
    rules: {
      // Destructuring a property out is how an object is copied without it (`const { a: _a, ...rest } = o`).
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    // jest's asymmetric matchers (expect.stringContaining, expect.any, …) are typed `any`, and tests
    // put them in the objects they compare.
    files: ["**/*.test.{ts,tsx}"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    // Files no tsconfig compiles, linted without type information: plain JavaScript (configs, Node
    // scripts, test stubs), the authenticators (authenticators/build.ts compiles them to ES5 with its
    // own compiler options), and the theme's gallery config and Storybook files, which the theme's
    // tsconfig leaves out (TypeScript skips the dot directory).
    files: [
      "**/*.{js,mjs,cjs}",
      "authenticators/src/**",
      "authenticators/types/**",
      "theme/vite.gallery.config.ts",
      "theme/.storybook/**",
    ],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    files: ["theme/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  prettier,
);
