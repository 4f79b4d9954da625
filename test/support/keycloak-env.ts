/**
 * Global setup starts Keycloak in Jest's main process and hands its address to the test workers
 * through the environment (workers are spawned after global setup and inherit it).
 */
export const TEST_KEYCLOAK_ENV = "KENPO_TEST_KEYCLOAK";

export interface TestKeycloak {
  url: string;
  adminUser: string;
  adminPassword: string;
  /** Instance name when this run started it; absent for an external Keycloak. */
  name?: string;
  /** Container id when KEYCLOAK_RUNTIME=testcontainers started it. */
  container?: string;
}

export function testKeycloak(): TestKeycloak {
  const json = process.env[TEST_KEYCLOAK_ENV];
  if (!json) throw new Error(`${TEST_KEYCLOAK_ENV} is not set: run integration tests through jest (global setup starts Keycloak)`);
  return JSON.parse(json) as TestKeycloak;
}
