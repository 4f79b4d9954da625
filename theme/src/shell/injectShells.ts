import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brandHeadFtl } from "./brandFtl";

/**
 * Keycloakify's postBuild (vite.config.ts), run in the theme's resources folder before the JAR is
 * packed: puts each page's shell (dist_shell/shells.json, scripts/render-shells.mjs) in front of the
 * React root of its .ftl, inlines the stylesheet (a render-blocking round trip less before the shell
 * paints), sets the society's brand colour from the realm's texts (brandFtl.ts) and preloads the Japanese texts
 * chunk (else fetched only once the bundle runs).
 */
export function injectShells(params: { resourcesDir: string; themeName: string; shellsFile: string }): void {
  const { resourcesDir, themeName, shellsFile } = params;
  const loginDir = join(resourcesDir, "theme", themeName, "login");
  const assetsDir = join(loginDir, "resources", "dist", "assets");
  if (!existsSync(shellsFile))
    throw new Error(`theme shells: ${shellsFile} is missing (run scripts/render-shells.mjs)`);
  const shells = JSON.parse(readFileSync(shellsFile, "utf8")) as Record<string, string>;
  const assets = readdirSync(assetsDir);
  const cssFiles = assets.filter((f) => f.endsWith(".css"));
  if (cssFiles.length !== 1)
    throw new Error(`theme shells: expected one stylesheet in ${assetsDir}, found ${cssFiles.join(", ")}`);
  const css = readFileSync(join(assetsDir, cssFiles[0]), "utf8");
  // The stylesheet goes into a FreeMarker template as is.
  if (/\$\{|<#|#\{/.test(css)) throw new Error(`theme shells: ${cssFiles[0]} contains FreeMarker syntax`);
  const ja = assets.find((f) => /^ja-[\w-]+\.js$/.test(f));

  const ftlFiles = readdirSync(loginDir).filter((f) => f.endsWith(".ftl"));
  for (const pageId of Object.keys(shells)) {
    if (!ftlFiles.includes(pageId)) throw new Error(`theme shells: no ${pageId} in ${loginDir}`);
  }
  for (const file of ftlFiles) {
    const path = join(loginDir, file);
    let ftl = readFileSync(path, "utf8");
    const link = new RegExp(`<link rel="stylesheet"[^>]*href="[^"]*/${cssFiles[0].replace(/[.]/g, "\\.")}">`);
    if (!link.test(ftl)) throw new Error(`theme shells: ${file} does not link ${cssFiles[0]}`);
    ftl = ftl.replace(link, () => `<style>${css}</style>`);
    // After the stylesheet, so the society's colour wins over the default one (brandFtl.ts).
    if (!ftl.includes("</head>")) throw new Error(`theme shells: ${file} has no </head>`);
    ftl = ftl.replace("</head>", () => `${brandHeadFtl()}</head>`);
    if (ja !== undefined) {
      ftl = ftl.replace(
        "</head>",
        () =>
          `<#if ((locale.currentLanguageTag)!"ja") == "ja"><link rel="modulepreload" crossorigin="" href="\${xKeycloakify.resourcesPath}/dist/assets/${ja}"></#if></head>`,
      );
    }
    const shell = shells[file];
    if (shell !== undefined) {
      if (!ftl.includes('<div id="root"></div>')) throw new Error(`theme shells: ${file} has no <div id="root"></div>`);
      ftl = ftl.replace('<div id="root"></div>', () => `<div id="kp-shell">${shell}</div><div id="root"></div>`);
    }
    writeFileSync(path, ftl);
  }
}
