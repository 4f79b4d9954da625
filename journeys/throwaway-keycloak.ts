import { startKeycloak, stopKeycloak } from "../runtime/keycloak/server.js";
import { TEST_KEYCLOAK_ENV, testKeycloak, type TestKeycloak } from "./keycloak-env.js";

/**
 * One real Keycloak for the whole run (dev mode, file database, free ports, its own instance folder),
 * unless KENPO_TEST_KEYCLOAK_URL points at one that is already running. KEYCLOAK_RUNTIME picks how
 * it is started: "local" (default, the cached distribution; what CI uses) or "testcontainers" (the
 * official image through Docker, for developers who have an engine; see docs/production.md).
 */
export async function startTestKeycloak(): Promise<void> {
  // Several jest projects share this setup; the first one starts Keycloak, the others reuse it.
  if (process.env[TEST_KEYCLOAK_ENV]) return;
  const external = process.env.KENPO_TEST_KEYCLOAK_URL;
  let info: TestKeycloak;
  const runtime = process.env.KEYCLOAK_RUNTIME ?? "local";
  if (runtime !== "local" && runtime !== "testcontainers")
    throw new Error(`KEYCLOAK_RUNTIME=${runtime}: use local (default) or testcontainers`);
  if (external) {
    info = {
      url: external,
      adminUser: process.env.KENPO_ADMIN_USER ?? "admin",
      adminPassword: process.env.KENPO_ADMIN_PASSWORD ?? "admin",
    };
  } else if (runtime === "testcontainers") {
    process.stderr.write(`\n[test] starting Keycloak in a container (testcontainers)…\n`);
    // Loaded only for this runtime: the default never touches Docker.
    const { startKeycloakContainer } = await import("./keycloak-container.js");
    info = await startKeycloakContainer();
    process.stderr.write(`[test] Keycloak ready at ${info.url} (container ${info.container?.slice(0, 12)})\n`);
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
  const { name, container } = testKeycloak();
  delete process.env[TEST_KEYCLOAK_ENV];
  if (name) await stopKeycloak(name);
  if (container) {
    const { stopKeycloakContainer } = await import("./keycloak-container.js");
    await stopKeycloakContainer(container);
  }
}
