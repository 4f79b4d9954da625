import { build } from "esbuild";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PortalConfig } from "./src/config.js";

/** The portal's static files: public/ as is, plus app.js bundled from src/ (keycloak-js included). */
export const portalDir = dirname(fileURLToPath(import.meta.url));

export type PortalFiles = Map<string, { body: Buffer; type: string }>;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export function contentType(name: string): string {
  return TYPES[name.slice(name.lastIndexOf("."))] ?? "application/octet-stream";
}

export async function bundlePortal(): Promise<PortalFiles> {
  const files: PortalFiles = new Map();
  const publicDir = join(portalDir, "public");
  for (const name of await readdir(publicDir)) {
    files.set(`/${name}`, { body: await readFile(join(publicDir, name)), type: contentType(name) });
  }
  const result = await build({
    entryPoints: [join(portalDir, "src", "app.ts")],
    bundle: true,
    format: "esm",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const [js] = result.outputFiles;
  if (!js) throw new Error("esbuild produced no output for portal/src/app.ts");
  files.set("/app.js", { body: Buffer.from(js.contents), type: contentType(".js") });
  return files;
}

export function configJson(config: PortalConfig): Buffer {
  return Buffer.from(
    `${JSON.stringify({ keycloakUrl: config.keycloakUrl.replace(/\/+$/, ""), realm: config.realm, clientId: config.clientId }, null, 2)}\n`,
  );
}

/** Writes the static site to `outDir` for any web server; `config` adds the config.json next to it. */
export async function writePortal(outDir: string, config?: PortalConfig): Promise<string[]> {
  const files = await bundlePortal();
  if (config) files.set("/config.json", { body: configJson(config), type: contentType(".json") });
  await mkdir(outDir, { recursive: true });
  for (const [path, file] of files) await writeFile(join(outDir, path), file.body);
  return [...files.keys()];
}
