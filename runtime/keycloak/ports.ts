import { createServer } from "node:net";

/** A TCP port on loopback that is free right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The ports Keycloak's log says it could not bind (an empty list when it says "Address already in use" without
 * naming one), or undefined when the log shows no bind failure. Keycloak 26.7.3, measured: the HTTP port ends
 * with "io.quarkus.runtime.QuarkusBindException: Port already bound: 34209: Address already in use", the
 * management port with "Unable to start the management interface on 127.0.0.1:44207" and "Address already in
 * use"; older Quarkus says "Port(s) already bound: 8080, 9000".
 */
export function portBindFailure(log: string): { ports: number[] } | undefined {
  const bound = [...log.matchAll(/Port(?:s|\(s\))? already bound:\s*(\d+(?:\s*,\s*\d+)*)/gi)].flatMap((m) =>
    m[1]!.split(",").map((p) => Number(p.trim())),
  );
  if (bound.length) return { ports: [...new Set(bound)] };
  if (!/Address already in use/i.test(log)) return undefined;
  const management = [...log.matchAll(/Unable to start the management interface on \S*:(\d+)/gi)].map((m) =>
    Number(m[1]),
  );
  return { ports: [...new Set(management)] };
}

/**
 * Whether a start failed because another process took a port we had picked with freePort() before
 * Keycloak bound it, so that the same start with new ports can succeed. A port given by the caller
 * (not in `picked`) that is taken stays an error: new ports for the others would not free it.
 */
export function lostPortRace(log: string, picked: number[]): boolean {
  const failure = portBindFailure(log);
  if (!failure || picked.length === 0) return false;
  return failure.ports.length === 0 || failure.ports.some((p) => picked.includes(p));
}
