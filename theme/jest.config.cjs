// Component tests: jest + Testing Library in jsdom, TypeScript through ts-jest (CommonJS output).
// Keycloakify ships ES modules, so it is transformed too.
/** @type {import('jest').Config} */
module.exports = {
  displayName: "theme",
  rootDir: __dirname,
  testEnvironment: "jsdom",
  testMatch: ["<rootDir>/src/**/*.test.tsx", "<rootDir>/src/**/*.test.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "ts-jest",
      {
        tsconfig: {
          jsx: "react-jsx",
          module: "commonjs",
          moduleResolution: "node",
          esModuleInterop: true,
          allowJs: true,
          isolatedModules: true,
          skipLibCheck: true,
          target: "ES2020",
        },
        diagnostics: false,
      },
    ],
  },
  transformIgnorePatterns: ["/node_modules/(?!(keycloakify|tsafe)/)"],
  moduleNameMapper: {
    "\\.css$": "<rootDir>/test/styleStub.cjs",
    "(^|/)lib/BASE_URL$": "<rootDir>/test/baseUrlStub.cjs",
  },
};
