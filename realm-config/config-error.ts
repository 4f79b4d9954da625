import { EXIT_CODE } from "../contracts/index.js";

/**
 * A society file the CLI refuses, with the line that says why. Its own module so the schema's helpers
 * (brand.ts) can throw it without importing the loader, which imports the schema.
 */
export class ConfigError extends Error {
  readonly exitCode = EXIT_CODE.invalidConfig;
}
