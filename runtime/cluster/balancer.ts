import { connect, createServer, type Server, type Socket } from "node:net";
import { pathToFileURL } from "node:url";

/**
 * The cluster's public address on loopback: a TCP load balancer that hands each new connection to the
 * next node (round-robin) and skips nodes that refuse, as a load balancer's health check would. It
 * stands in for the TLS proxy of docker/compose.yaml: all nodes are configured with this one public
 * URL as their hostname, so links, redirects and tokens made by one node are valid on the other.
 */
export function startBalancer(port: number, targets: number[], host = "127.0.0.1"): Promise<Server> {
  let next = 0;
  const server = createServer((client) => {
    client.pause();
    const tryTarget = (attempt: number) => {
      if (attempt >= targets.length) {
        client.destroy();
        return;
      }
      const target = targets[next++ % targets.length]!;
      const upstream: Socket = connect({ port: target, host });
      upstream.once("connect", () => {
        upstream.removeAllListeners("error");
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      // Refused: that node is down; the same connection goes to the next one.
      upstream.once("error", () => tryTarget(attempt + 1));
    };
    tryTarget(0);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

// `tsx runtime/cluster/balancer.ts <port> <node port>…`: run detached by startCluster.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [port, ...targets] = process.argv.slice(2).map(Number);
  if (!port || targets.length === 0) throw new Error("usage: balancer.ts <port> <node port>…");
  await startBalancer(port, targets);
  process.stdout.write(`balancer 127.0.0.1:${port} → ${targets.join(", ")}\n`);
}
