import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { cacheDir, repoRoot } from "../keycloak/paths.js";
import { freePort } from "../keycloak/ports.js";
import { startPostgres, stopPostgres } from "../keycloak/postgres.js";
import {
  isAlive,
  keycloakStatus,
  killKeycloak,
  readState,
  startKeycloak,
  stopKeycloak,
  type DatabaseOptions,
  type RunningKeycloak,
} from "../keycloak/server.js";

/**
 * A Keycloak cluster on this machine without containers: one PostgreSQL on loopback and N Keycloak
 * nodes in production mode (`start`) sharing it. The nodes find each other through Keycloak's
 * JDBC-based discovery stack (`jdbc-ping`: each node writes its JGroups address into a table of the
 * shared database), so no multicast and no extra discovery service are needed; the embedded
 * Infinispan caches (authentication sessions, login failures, action tokens…) are then replicated
 * between the nodes, which is what lets a login continue on another node.
 */

export interface ClusterNodeInfo {
  /** Keycloak instance name (folder under .cache/keycloak/instances). */
  name: string;
  httpPort: number;
  managementPort: number;
  /** JGroups TCP port of the node's cluster transport. */
  jgroupsPort: number;
  url: string;
  managementUrl: string;
}

export interface ClusterState {
  name: string;
  adminUser: string;
  /**
   * The one public URL of the cluster (a loopback load balancer, runtime/cluster/balancer.ts); every
   * node uses it as its hostname, as behind the proxy in production.
   */
  publicUrl: string;
  publicPort: number;
  balancerPid?: number;
  nodes: ClusterNodeInfo[];
  /** File (mode 0600) holding the bootstrap admin password; the password is never printed. */
  adminPasswordFile: string;
}

export interface RunningCluster extends ClusterState {
  adminPassword: string;
  database: DatabaseOptions;
}

export interface ClusterOptions {
  /** Cluster name: PostgreSQL under .cache/postgres/<name>, nodes named <name>-node1…; default "cluster". */
  name?: string;
  nodes?: number;
  /** Echo the nodes' logs while they start. */
  echoLog?: boolean;
  /** Remove node folders, database and state when stopped (tests). */
  ephemeral?: boolean;
  /** Start only these nodes (1-based) now; the others can be started later with startNode. */
  startNodes?: number[];
}

function clusterDir(name: string): string {
  return join(cacheDir, "cluster", name);
}

function stateFile(name: string): string {
  return join(clusterDir(name), "cluster.json");
}

/** The state file as startCluster writes it: `ephemeral` tells stopCluster to delete the data too. */
export function readClusterState(name = "cluster"): (ClusterState & { ephemeral?: boolean }) | undefined {
  const file = stateFile(name);
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as ClusterState & { ephemeral?: boolean })
    : undefined;
}

/**
 * The admin password comes from KENPO_ADMIN_PASSWORD, or is generated once per cluster and kept in a
 * 0600 file: production mode refuses a default password, and the bootstrap admin is created only on
 * the first start of an empty database, so later starts must reuse the same one.
 */
function adminPassword(name: string): { password: string; file: string } {
  const file = join(clusterDir(name), "admin-password");
  if (process.env.KENPO_ADMIN_PASSWORD) return { password: process.env.KENPO_ADMIN_PASSWORD, file };
  if (!existsSync(file)) {
    mkdirSync(clusterDir(name), { recursive: true });
    writeFileSync(file, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  return { password: readFileSync(file, "utf8").trim(), file };
}

async function planNodes(name: string, count: number): Promise<{ nodes: ClusterNodeInfo[]; publicPort: number }> {
  const previous = readClusterState(name);
  if (previous && previous.nodes.length === count && previous.publicPort)
    return { nodes: previous.nodes, publicPort: previous.publicPort };
  const nodes: ClusterNodeInfo[] = [];
  for (let i = 1; i <= count; i += 1) {
    const httpPort = await freePort();
    const managementPort = await freePort();
    const jgroupsPort = await freePort();
    nodes.push({
      name: `${name}-node${i}`,
      httpPort,
      managementPort,
      jgroupsPort,
      url: `http://127.0.0.1:${httpPort}`,
      managementUrl: `http://127.0.0.1:${managementPort}`,
    });
  }
  return { nodes, publicPort: await freePort() };
}

/** Runs the balancer as its own detached process, so that the cluster outlives `kenpo cluster start`. */
async function startBalancerProcess(name: string, publicPort: number, nodes: ClusterNodeInfo[]): Promise<number> {
  const log = openSync(join(clusterDir(name), "balancer.log"), "w");
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs"),
      join(repoRoot, "runtime", "cluster", "balancer.ts"),
      String(publicPort),
      ...nodes.map((n) => String(n.httpPort)),
    ],
    {
      detached: true,
      stdio: ["ignore", log, log],
    },
  );
  closeSync(log);
  child.unref();
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) break;
    const up = await fetch(`http://127.0.0.1:${publicPort}/`).then(
      () => true,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code !== "ECONNREFUSED",
    );
    if (up) return child.pid!;
    await sleep(100);
  }
  throw new Error(
    `the cluster's balancer did not start on 127.0.0.1:${publicPort}; see ${join(clusterDir(name), "balancer.log")}`,
  );
}

function stopBalancer(state: ClusterState): void {
  if (state.balancerPid && isAlive(state.balancerPid)) process.kill(state.balancerPid, "SIGTERM");
}

/**
 * Keycloak's own clustering, kept on loopback: the JGroups transport binds to 127.0.0.1 only. One
 * hostname for all nodes: with per-node (dynamic) hostnames, an email link or token issued by node 1
 * names node 1 as issuer and node 2 rejects it.
 */
export function clusterArgs(node: Pick<ClusterNodeInfo, "jgroupsPort">, publicUrl: string): string[] {
  return [
    `--hostname=${publicUrl}`,
    "--cache=ispn",
    "--cache-stack=jdbc-ping",
    "--cache-embedded-network-bind-address=127.0.0.1",
    `--cache-embedded-network-bind-port=${node.jgroupsPort}`,
    "--metrics-enabled=true",
  ];
}

/** Starts (or restarts) one node of a cluster whose state and database exist. */
export async function startNode(
  cluster: RunningCluster,
  index: number,
  options: { echoLog?: boolean; ephemeral?: boolean } = {},
): Promise<RunningKeycloak> {
  const node = cluster.nodes[index - 1];
  if (!node) throw new Error(`cluster ${cluster.name} has no node ${index}`);
  const running = await startKeycloak({
    name: node.name,
    httpPort: node.httpPort,
    managementPort: node.managementPort,
    database: cluster.database,
    adminUser: cluster.adminUser,
    adminPassword: cluster.adminPassword,
    extraArgs: clusterArgs(node, cluster.publicUrl),
    ephemeral: options.ephemeral,
    echoLog: options.echoLog,
  });
  running.process.unref();
  return running;
}

export async function startCluster(options: ClusterOptions = {}): Promise<RunningCluster> {
  const name = options.name ?? "cluster";
  const count = options.nodes ?? 2;
  mkdirSync(clusterDir(name), { recursive: true });
  const database = await startPostgres({ name });
  const admin = adminPassword(name);
  const { nodes, publicPort } = await planNodes(name, count);
  const previous = readClusterState(name);
  const balancerPid =
    previous?.balancerPid && isAlive(previous.balancerPid) && previous.publicPort === publicPort
      ? previous.balancerPid
      : await startBalancerProcess(name, publicPort, nodes);
  const state: ClusterState = {
    name,
    adminUser: process.env.KENPO_ADMIN_USER ?? "admin",
    publicUrl: `http://127.0.0.1:${publicPort}`,
    publicPort,
    balancerPid,
    nodes,
    adminPasswordFile: admin.file,
  };
  writeFileSync(stateFile(name), JSON.stringify({ ...state, ephemeral: options.ephemeral ?? false }, null, 2));
  const cluster: RunningCluster = { ...state, adminPassword: admin.password, database };
  // One after the other: the first node creates the schema and the admin; the second then joins.
  for (const index of options.startNodes ?? nodes.map((_, i) => i + 1)) {
    const status = await keycloakStatus(nodes[index - 1]!.name);
    if (status.ready) continue;
    await startNode(cluster, index, { echoLog: options.echoLog, ephemeral: options.ephemeral });
  }
  return cluster;
}

/** A running cluster's connection details (for tests and the benchmark in other processes). */
export async function connectCluster(name = "cluster"): Promise<RunningCluster> {
  const state = readClusterState(name);
  if (!state) throw new Error(`no cluster "${name}": run \`npm run kenpo -- cluster start\``);
  const database = await startPostgres({ name });
  return { ...state, adminPassword: adminPassword(name).password, database };
}

export async function stopCluster(name = "cluster"): Promise<void> {
  const state = readClusterState(name);
  if (!state) return;
  stopBalancer(state);
  for (const node of [...state.nodes].reverse()) await stopKeycloak(node.name);
  stopPostgres(name);
  if (state.ephemeral) rmSync(clusterDir(name), { recursive: true, force: true });
  if (state.ephemeral) rmSync(join(cacheDir, "postgres", name), { recursive: true, force: true });
}

/** SIGKILL to a node's process group, as a crashed machine: no graceful leave from the cluster. */
export async function killNode(cluster: Pick<ClusterState, "nodes">, index: number): Promise<void> {
  const node = cluster.nodes[index - 1]!;
  const pid = readState(node.name)?.pid;
  killKeycloak(node.name);
  while (pid && isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
}

export interface NodeStatus {
  node: ClusterNodeInfo;
  running: boolean;
  ready: boolean;
}

export async function clusterStatus(name = "cluster"): Promise<{ state?: ClusterState; nodes: NodeStatus[] }> {
  const state = readClusterState(name);
  if (!state) return { nodes: [] };
  const nodes = await Promise.all(state.nodes.map(async (node) => ({ node, ...(await keycloakStatus(node.name)) })));
  return { state, nodes: nodes.map(({ node, running, ready }) => ({ node, running, ready })) };
}

/**
 * Cluster members as one node sees them, from Keycloak's metrics (Infinispan's cluster size gauge), so
 * callers can wait until both nodes have really joined before relying on replication.
 */
export async function clusterSize(node: Pick<ClusterNodeInfo, "managementUrl">): Promise<number | undefined> {
  try {
    const res = await fetch(`${node.managementUrl}/metrics`);
    if (!res.ok) return undefined;
    const text = await res.text();
    const line = text.split("\n").find((l) => l.startsWith("vendor_cluster_size{"));
    return line ? Number(line.trim().split(/\s+/).pop()) : undefined;
  } catch {
    return undefined;
  }
}
