import { basename } from "node:path";
import { GenericContainer, getContainerRuntimeClient, Wait } from "testcontainers";
import { freePort } from "../runtime/keycloak/ports.js";
import { defaultProviders, KEYCLOAK_FEATURES } from "../runtime/keycloak/server.js";
import { keycloakVersion } from "../runtime/keycloak/version.js";
import type { TestKeycloak } from "./keycloak-env.js";

/**
 * KEYCLOAK_RUNTIME=testcontainers: the official Keycloak image of the pinned version with our built
 * provider JARs, started through the `testcontainers` package, for developers who have a Docker
 * engine. Optional: CI has no engine and uses the local distribution (the default runtime).
 *
 * Host networking (Linux): the tests' SMTP mailboxes listen on the host's loopback on ports chosen at
 * run time, and realms send mail to 127.0.0.1, exactly as with the local runtime.
 */
export async function startKeycloakContainer(): Promise<TestKeycloak> {
  const httpPort = await freePort();
  const managementPort = await freePort();
  const adminUser = "admin";
  const adminPassword = "admin";
  const container = await new GenericContainer(`quay.io/keycloak/keycloak:${keycloakVersion()}`)
    .withNetworkMode("host")
    .withCopyFilesToContainer(
      defaultProviders().map((jar) => ({ source: jar, target: `/opt/keycloak/providers/${basename(jar)}` })),
    )
    .withEnvironment({ KC_BOOTSTRAP_ADMIN_USERNAME: adminUser, KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword })
    .withCommand([
      "start-dev",
      `--http-port=${httpPort}`,
      "--http-host=127.0.0.1",
      `--http-management-port=${managementPort}`,
      "--health-enabled=true",
      `--features=${KEYCLOAK_FEATURES.join(",")}`,
    ])
    .withWaitStrategy(Wait.forLogMessage(/Keycloak .* started in/))
    .withStartupTimeout(300_000)
    .start();
  const url = `http://127.0.0.1:${httpPort}`;
  // Ready means /health/ready, as for the local runtime (the log line alone comes a little earlier).
  for (let i = 0; ; i += 1) {
    if (
      await fetch(`http://127.0.0.1:${managementPort}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 120) throw new Error(`Keycloak container ${container.getId()} is not ready after its start`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, adminUser, adminPassword, container: container.getId() };
}

/** By id: global setup and teardown load this module separately, so no object survives between them. */
export async function stopKeycloakContainer(id: string): Promise<void> {
  const client = await getContainerRuntimeClient();
  const container = client.container.getById(id);
  await client.container.stop(container);
  await client.container.remove(container, { removeVolumes: true });
}
