// Renders every Storybook story of the theme (phone width 390 px) to theme/screenshots/<story id>.png.
// Builds the gallery (vite.gallery.config.ts), which renders the stories without Storybook, serves it
// locally and drives Debian's chromium through playwright-core.
// Usage: npm run screenshots -w theme [-- <story id filter>]
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const themeDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const galleryDir = join(themeDir, "dist-gallery");
const outDir = join(themeDir, "screenshots");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const filter = process.argv[2];

if (!existsSync(executablePath)) {
  console.error(`screenshots: no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  process.exit(1);
}

const bin = [join(themeDir, "node_modules", ".bin"), join(themeDir, "..", "node_modules", ".bin")].join(":");
const build = spawnSync("vite", ["build", "--config", "vite.gallery.config.ts", "--logLevel", "warn"], {
  cwd: themeDir,
  stdio: "inherit",
  env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` },
});
if (build.status !== 0) {
  console.error(`screenshots: the gallery build failed (${build.error ?? `exit code ${build.status}`})`);
  process.exit(build.status ?? 1);
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  const file = join(galleryDir, path === "/" ? "gallery.html" : path);
  if (!file.startsWith(galleryDir) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(response);
});
await new Promise((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
const { port } = server.address();

// The story ids are listed by the gallery's index page.
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-background-networking"],
});
try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: "ja-JP",
    isMobile: true,
    hasTouch: true,
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
  });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const names = (await page.locator("a").allTextContents()).filter(
    (name) => filter === undefined || name.includes(filter),
  );
  if (names.length === 0) throw new Error(`screenshots: no story matches "${filter}"`);
  if (filter === undefined) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const name of names) {
    await page.goto(`http://127.0.0.1:${port}/?story=${encodeURIComponent(name)}`);
    // The gallery sets data-ready once the story rendered and its play function (e.g. a click on
    // the ⑧ panel) finished.
    await page.locator("#root[data-ready]").waitFor();
    const ready = await page.locator("#root").getAttribute("data-ready");
    if (ready !== "true") throw new Error(`screenshots: ${name}: ${ready}`);
    await page.locator("h1").waitFor();
    // Let Keycloakify fetch the Japanese stock messages, lazy chunks (the QR encoder) load and images settle.
    await page.waitForLoadState("networkidle");
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshots: ${file}`);
  }
  console.log(`screenshots: ${names.length} stories`);
  await context.close();
} finally {
  await browser.close();
  server.close();
}
