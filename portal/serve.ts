import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { bundlePortal, configJson } from "./build.js";
import type { PortalConfig } from "./src/config.js";

export interface PortalOptions extends PortalConfig {
  /** 0 picks a free port. Default 5173, where the demo society's redirect URIs point. */
  port?: number;
  /** Interface to listen on; default loopback only. */
  host?: string;
}

export interface RunningPortal {
  /** The portal's page, e.g. http://localhost:5173/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the demo portal: the bundled page plus a /config.json written from `options`, so the same
 * bundle serves any society's realm and client.
 */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const files = await bundlePortal();
  files.set("/config.json", { body: configJson(options), type: "application/json; charset=utf-8" });

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://portal").pathname;
    const file = files.get(path === "/" ? "/index.html" : path);
    if ((req.method !== "GET" && req.method !== "HEAD") || !file) {
      res
        .writeHead(file ? 405 : 404, { "content-type": "text/plain; charset=utf-8" })
        .end(file ? "method not allowed\n" : "not found\n");
      return;
    }
    res.writeHead(200, {
      "content-type": file.type,
      "content-length": file.body.length,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    res.end(req.method === "HEAD" ? undefined : file.body);
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 5173, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // "localhost" is the name the demo society's redirect URIs use; it resolves to loopback.
  const urlHost = host === "127.0.0.1" || host === "::1" || host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
