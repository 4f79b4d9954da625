import { InvalidArgumentError, type Command } from "commander";
import {
  clusterSize,
  clusterStatus,
  readClusterState,
  startCluster,
  stopCluster,
} from "../../runtime/cluster/cluster.js";

export function registerCluster(program: Command): void {
  const cluster = program
    .command("cluster")
    .description(
      "a local two-node Keycloak cluster on PostgreSQL (production mode, loopback only, Keycloak's jdbc-ping clustering)",
    );
  cluster
    .command("start")
    .description("start PostgreSQL and the Keycloak nodes in the background and wait until they are ready")
    .option("--name <name>", "cluster name (folders under .cache/cluster, .cache/postgres)", "cluster")
    .option("--nodes <n>", "number of Keycloak nodes (1-4)", nodeCount, 2)
    .option("--log", "echo the nodes' logs while they start")
    .action(async (opts: { name: string; nodes: number; log?: boolean }) => {
      const running = await startCluster({ name: opts.name, nodes: opts.nodes, echoLog: opts.log });
      process.stdout.write(
        `cluster "${running.name}" is ready at ${running.publicUrl} (loopback balancer; PostgreSQL ${running.database.url}):\n`,
      );
      for (const node of running.nodes) {
        process.stdout.write(
          `  ${node.name}: ${node.url} (management ${node.managementUrl}, JGroups 127.0.0.1:${node.jgroupsPort})\n`,
        );
      }
      process.stdout.write(
        `  admin: ${running.adminUser}, password in ${process.env.KENPO_ADMIN_PASSWORD ? "$KENPO_ADMIN_PASSWORD" : running.adminPasswordFile}\n`,
      );
    });
  cluster
    .command("stop")
    .description("stop the nodes and PostgreSQL (data stays for the next start)")
    .option("--name <name>", "cluster name", "cluster")
    .action(async (opts: { name: string }) => {
      if (!readClusterState(opts.name)) {
        process.stdout.write(`no cluster "${opts.name}"\n`);
        return;
      }
      await stopCluster(opts.name);
      process.stdout.write(`cluster "${opts.name}" stopped\n`);
    });
  cluster
    .command("status")
    .description("which nodes run, are ready, and how many members each one sees in the cluster")
    .option("--name <name>", "cluster name", "cluster")
    .action(async (opts: { name: string }) => {
      const status = await clusterStatus(opts.name);
      if (!status.state) {
        process.stdout.write(`no cluster "${opts.name}"\n`);
        process.exitCode = 3;
        return;
      }
      process.stdout.write(`cluster "${opts.name}" at ${status.state.publicUrl}\n`);
      for (const { node, running, ready } of status.nodes) {
        const size = ready ? await clusterSize(node) : undefined;
        const what = !running ? "not running" : ready ? `ready, sees ${size ?? "?"} member(s)` : "starting";
        process.stdout.write(`  ${node.name}: ${what} — ${node.url}\n`);
      }
      if (!status.nodes.every((n) => n.ready)) process.exitCode = 4;
    });
}

function nodeCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 4)
    throw new InvalidArgumentError(`a whole number from 1 to 4, got "${value}"`);
  return n;
}
