import { clusterSize, startCluster, stopCluster, type ClusterNodeInfo } from "../../runtime/cluster/cluster.js";
import type { TestKeycloak } from "../../journeys/keycloak-env.js";

/**
 * The cluster tests' own Keycloak: PostgreSQL plus two production-mode nodes, started once per run by
 * this project's global setup (in Jest's main process) and handed to the test workers through the
 * environment, like the single test Keycloak of the other projects.
 */
export const TEST_CLUSTER_ENV = "KENPO_TEST_CLUSTER";

export interface TestCluster {
  name: string;
  /** The cluster's one public URL (loopback balancer over the nodes); every node's hostname. */
  publicUrl: string;
  adminUser: string;
  adminPassword: string;
  nodes: ClusterNodeInfo[];
  /** Started by this run's global setup (and so stopped by its teardown); absent for a cluster given in the environment. */
  owned?: boolean;
}

export function testCluster(): TestCluster {
  const json = process.env[TEST_CLUSTER_ENV];
  if (!json)
    throw new Error(`${TEST_CLUSTER_ENV} is not set: run the cluster tests through jest (--selectProjects cluster)`);
  return JSON.parse(json) as TestCluster;
}

/** The whole cluster behind its balancer, as members and the CLI see it. */
export function clusterPublic(): TestKeycloak {
  const cluster = testCluster();
  return { url: cluster.publicUrl, adminUser: cluster.adminUser, adminPassword: cluster.adminPassword };
}

/** Node `index` (1-based) as a TestKeycloak, for the shared realm and journey helpers. */
export function clusterNode(index: number): TestKeycloak & { node: ClusterNodeInfo } {
  const cluster = testCluster();
  const node = cluster.nodes[index - 1]!;
  return { url: node.url, adminUser: cluster.adminUser, adminPassword: cluster.adminPassword, node };
}

/** Waits until every given node sees `size` members, so replication is in place before a test relies on it. */
export async function waitForClusterSize(
  nodes: Array<Pick<ClusterNodeInfo, "managementUrl">>,
  size: number,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sizes = await Promise.all(nodes.map((n) => clusterSize(n)));
    if (sizes.every((s) => s === size)) return;
    if (Date.now() > deadline)
      throw new Error(`cluster did not reach ${size} members in ${timeoutMs / 1000}s (nodes see ${sizes.join(", ")})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts the run's cluster, unless KENPO_TEST_CLUSTER already describes a running one (e.g. `kenpo cluster start`). */
export async function startTestCluster(): Promise<void> {
  if (process.env[TEST_CLUSTER_ENV]) return;
  const name = `test-cluster-${process.pid}`;
  const started = Date.now();
  process.stderr.write(`\n[test] starting PostgreSQL and two Keycloak nodes (${name})…\n`);
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster({ name, nodes: 2, ephemeral: true });
    await waitForClusterSize(cluster.nodes, 2);
  } catch (error) {
    // Leave no PostgreSQL, balancer or half-started node behind a failed start.
    await stopCluster(name);
    throw error;
  }
  process.stderr.write(
    `[test] cluster ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${cluster.publicUrl} → ${cluster.nodes.map((n) => n.url).join(", ")}\n`,
  );
  const info: TestCluster = {
    name,
    publicUrl: cluster.publicUrl,
    adminUser: cluster.adminUser,
    adminPassword: cluster.adminPassword,
    nodes: cluster.nodes,
    owned: true,
  };
  process.env[TEST_CLUSTER_ENV] = JSON.stringify(info);
}

export async function stopTestCluster(): Promise<void> {
  if (!process.env[TEST_CLUSTER_ENV]) return;
  const { name, owned } = testCluster();
  delete process.env[TEST_CLUSTER_ENV];
  if (owned) await stopCluster(name);
}
