/**
 * The run's Keycloak is handed over through the environment: jest's global setup starts it in the
 * main process and the test workers (spawned later) inherit the variable; the manual sets it in-process.
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
  if (!json)
    throw new Error(
      `${TEST_KEYCLOAK_ENV} is not set: run the tests through jest (its global setup starts Keycloak) or call startTestKeycloak() first`,
    );
  return JSON.parse(json) as TestKeycloak;
}
