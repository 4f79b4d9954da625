import { startKeycloak, stopKeycloak } from "../../scripts/keycloak/server.js";
import { TEST_KEYCLOAK_ENV, testKeycloak, type TestKeycloak } from "./keycloak-env.js";

/**
 * One real Keycloak for the whole run (dev mode, file database, free ports, its own instance folder),
 * unless KENPO_TEST_KEYCLOAK_URL points at one that is already running.
 */
export async function startTestKeycloak(): Promise<void> {
  // Several jest projects share this setup; the first one starts Keycloak, the others reuse it.
  if (process.env[TEST_KEYCLOAK_ENV]) return;
  const external = process.env.KENPO_TEST_KEYCLOAK_URL;
  let info: TestKeycloak;
  if (external) {
    info = { url: external, adminUser: process.env.KENPO_ADMIN_USER ?? "admin", adminPassword: process.env.KENPO_ADMIN_PASSWORD ?? "admin" };
  } else {
    const name = `test-${process.pid}`;
    process.stderr.write(`\n[test] starting Keycloak instance ${name}…\n`);
    const kc = await startKeycloak({ name, ephemeral: true, httpPort: 0, managementPort: 0 });
    kc.process.unref();
    info = { url: kc.url, adminUser: kc.adminUser, adminPassword: kc.adminPassword, name };
    process.stderr.write(`[test] Keycloak ready at ${kc.url}\n`);
  }
  process.env[TEST_KEYCLOAK_ENV] = JSON.stringify(info);
}

export async function stopTestKeycloak(): Promise<void> {
  if (!process.env[TEST_KEYCLOAK_ENV]) return;
  const { name } = testKeycloak();
  delete process.env[TEST_KEYCLOAK_ENV];
  if (name) await stopKeycloak(name);
}
