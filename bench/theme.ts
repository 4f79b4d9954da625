/**
 * `npm run bench:theme`: the login page of our theme (`kenpo`) against stock Keycloak's default login
 * theme (`keycloak.v2`), on one Keycloak, in Debian's headless chromium under phone-like conditions
 * (DevTools' "Fast 3G" network and 4× CPU slowdown). Each load uses a fresh browser context (cold cache);
 * the two themes alternate. Prints bytes transferred, requests and first contentful paint with medians.
 * Prints figures; asserts nothing.
 */
import { chromium, type Browser } from "playwright-core";
import { loadSocietyConfig } from "../realm-config/load.js";
import { applyRealm } from "../realm-config/provision.js";
import { connectAdmin } from "../runtime/keycloak/admin.js";
import { repoRoot } from "../runtime/keycloak/paths.js";
import { startKeycloak, stopKeycloak } from "../runtime/keycloak/server.js";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Chrome DevTools' "Fast 3G" preset (latency and throughput already include its 0.9 / 3.75 factors).
const network = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
const cpuSlowdown = 4;

interface Sample {
  bytes: number;
  requests: number;
  fcp: number;
}

function loginUrl(base: string, realm: string): string {
  const params = new URLSearchParams({
    client_id: "account-console",
    redirect_uri: `${base}/realms/${realm}/account/`,
    response_type: "code",
    scope: "openid",
    ui_locales: "ja",
    // account-console requires PKCE; the page is only displayed, so any valid challenge will do.
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
  });
  return `${base}/realms/${realm}/protocol/openid-connect/auth?${params}`;
}

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: "ja-JP",
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", network);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    let bytes = 0;
    let requests = 0;
    cdp.on("Network.requestWillBeSent", () => {
      requests += 1;
    });
    cdp.on("Network.loadingFinished", (e) => {
      bytes += e.encodedDataLength;
    });
    const response = await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
    if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName("first-contentful-paint")[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: "paint", buffered: true });
        }),
    );
    // The login form must be there, or the figures would describe an error page.
    await page.locator("input[name=password]").waitFor({ state: "attached", timeout: 10_000 });
    return { bytes, requests, fcp };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

// A deployed Keycloak caches themes, and only then gzips theme resources; the dev-mode default serves
// them uncompressed. BENCH_DEV_THEMES=1 measures the dev-mode serving instead.
const devThemes = process.env.BENCH_DEV_THEMES === "1";
const themeCaching = devThemes ? [] : ["--spi-theme--cache-themes=true", "--spi-theme--cache-templates=true"];

const name = "bench-theme";
const kc = await startKeycloak({ name, ephemeral: true, httpPort: 0, managementPort: 0, extraArgs: themeCaching });
let browser: Browser | undefined;
try {
  const admin = await connectAdmin({ url: kc.url, username: kc.adminUser, password: kc.adminPassword });
  const base = loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`);
  const themes = [
    { label: "kenpo", realm: "bench-kenpo", loginTheme: undefined },
    { label: "keycloak.v2 (stock)", realm: "bench-stock", loginTheme: "keycloak.v2" },
  ];
  for (const t of themes) {
    await applyRealm(admin, { ...base, realm: t.realm });
    if (t.loginTheme) await admin.realms.update({ realm: t.realm }, { loginTheme: t.loginTheme });
  }
  admin.close();

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking"],
  });
  // One unmeasured load each, so Keycloak's own first-request work (template compilation, JIT) is not counted.
  for (const t of themes) await measure(browser, loginUrl(kc.url, t.realm));
  const samples = new Map<string, Sample[]>(themes.map((t) => [t.label, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const t of i % 2 ? [...themes].reverse() : themes)
      samples.get(t.label)!.push(await measure(browser, loginUrl(kc.url, t.realm)));
  }

  const rows: string[][] = [["theme", "KiB transferred", "requests", "FCP ms (median)", "FCP ms (all runs)"]];
  for (const t of themes) {
    const s = samples.get(t.label)!;
    rows.push([
      t.label,
      (median(s.map((x) => x.bytes)) / 1024).toFixed(1),
      String(median(s.map((x) => x.requests))),
      median(s.map((x) => x.fcp)).toFixed(0),
      s.map((x) => x.fcp.toFixed(0)).join(" "),
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  process.stdout.write(
    `\nLogin page, ${runs} cold loads per theme, Fast 3G (${network.latency} ms, ${(network.downloadThroughput / 1024).toFixed(0)} KiB/s down), CPU ${cpuSlowdown}× slower, 390 px phone, theme resources ${devThemes ? "uncompressed (dev-mode theme serving)" : "gzip (theme caching on, as deployed)"}, Keycloak ${kc.url}\n`,
  );
  for (const r of rows)
    process.stdout.write(
      `  ${r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join("  ")}\n`,
    );
} finally {
  await browser?.close();
  await stopKeycloak(name);
}
