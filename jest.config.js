// Jest runs our ESM TypeScript through ts-jest's ESM preset; Node needs --experimental-vm-modules
// (set by the npm scripts) because @keycloak/keycloak-admin-client is ESM-only.
import { createDefaultEsmPreset } from "ts-jest";

const esm = createDefaultEsmPreset({ tsconfig: "tsconfig.json" });
const shared = {
  ...esm,
  testEnvironment: "node",
  // NodeNext imports carry ".js"; map them back to the .ts sources.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
};

export default {
  // testTimeout is a global option: jest-circus reads only this one and ignores a project's own, so
  // it covers every project. Keycloak-backed hooks and journeys take seconds to minutes on a 2-core machine.
  testTimeout: 300_000,
  projects: [
    // The theme's component tests (jsdom) keep their own config in the theme workspace.
    "<rootDir>/theme/jest.config.cjs",
    {
      ...shared,
      displayName: "unit",
      testMatch: [
        "<rootDir>/{contracts,rules,members,realm-config,cli,admin-messages,runtime,manual,scripts,authenticators}/**/*.test.ts",
      ],
    },
    {
      ...shared,
      displayName: "integration",
      testMatch: ["<rootDir>/test/integration/**/*.test.ts"],
      globalSetup: "<rootDir>/test/support/global-setup.mjs",
      globalTeardown: "<rootDir>/test/support/global-teardown.mjs",
    },
    {
      ...shared,
      displayName: "e2e",
      // Real chromium against the same one-Keycloak-per-run setup as the integration tests.
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/support/global-setup.mjs",
      globalTeardown: "<rootDir>/test/support/global-teardown.mjs",
    },
    {
      ...shared,
      displayName: "cluster",
      // PostgreSQL + two production-mode Keycloak nodes clustered by Keycloak (jdbc-ping), its own global setup.
      testMatch: ["<rootDir>/test/cluster/**/*.test.ts"],
      globalSetup: "<rootDir>/test/cluster/global-setup.mjs",
      globalTeardown: "<rootDir>/test/cluster/global-teardown.mjs",
    },
  ],
};
