import { existsSync } from "node:fs";
import { chromium, devices, type Browser, type BrowserContext, type CDPSession, type Page } from "playwright-core";

/**
 * A real browser for the end-to-end tests and the manual: Debian's chromium (never a downloaded one) driven by
 * playwright-core, with PC and smartphone contexts and a virtual WebAuthn authenticator.
 */

export const CHROMIUM_PATH = process.env.KENPO_CHROMIUM ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

/**
 * Headless chromium. Playwright gives every launch a fresh temporary user-data dir (removed on
 * close), so no profile, cookie or passkey survives between runs.
 */
export async function launchBrowser(options: { headless?: boolean; slowMo?: number } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} not found: install Debian's chromium (apt-get update && apt-get install -y chromium) or set KENPO_CHROMIUM`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: CHROMIUM_ARGS,
    slowMo: options.slowMo,
  });
}

export type DeviceKind = "pc" | "iphone" | "android";

/** What each kind of device looks like to the server and the page. */
export const DEVICE_PROFILES: Record<DeviceKind, Parameters<Browser["newContext"]>[0]> = {
  pc: {
    viewport: { width: 1280, height: 800 },
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
  },
  iphone: withoutBrowserType(devices["iPhone 13"]),
  android: withoutBrowserType(devices["Pixel 7"]),
};

function withoutBrowserType(descriptor: (typeof devices)[string] | undefined): Parameters<Browser["newContext"]>[0] {
  if (!descriptor) throw new Error("playwright-core's device list lacks a smartphone descriptor");
  const { defaultBrowserType: _ignored, ...rest } = descriptor;
  return rest;
}

export interface Device {
  kind: DeviceKind;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh browsing context (its own cookies) that looks like a PC or a smartphone, Japanese first. */
export async function openDevice(
  browser: Browser,
  kind: DeviceKind,
  options: { locale?: string } = {},
): Promise<Device> {
  const locale = options.locale ?? "ja-JP";
  const context = await browser.newContext({
    ...DEVICE_PROFILES[kind],
    locale,
    extraHTTPHeaders: { "accept-language": `${locale},${locale.split("-")[0]};q=0.9,en;q=0.5` },
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { kind, context, page, close: () => context.close() };
}

export interface VirtualAuthenticator {
  id: string;
  cdp: CDPSession;
  /** false: the next ceremonies fail user verification (a failed face or fingerprint check). */
  setUserVerified(verified: boolean): Promise<void>;
  credentials(): Promise<
    Array<{
      credentialId: string;
      isResidentCredential: boolean;
      rpId?: string;
      userHandle?: string;
      signCount: number;
    }>
  >;
  remove(): Promise<void>;
}

/**
 * A platform authenticator (the phone's own face/fingerprint unlock) attached to `page` through
 * the DevTools protocol: CTAP2, internal transport, resident keys, user verification.
 */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    id: authenticatorId,
    cdp,
    async setUserVerified(verified) {
      await cdp.send("WebAuthn.setUserVerified", { authenticatorId, isUserVerified: verified });
    },
    async credentials() {
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      return credentials;
    },
    async remove() {
      await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
    },
  };
}

/** The Keycloak page id (e.g. "login.ftl") of a page rendered by our Keycloakify theme, or undefined. */
export async function keycloakPageId(page: Page): Promise<string | undefined> {
  return page
    .evaluate(() => (window as unknown as { kcContext?: { pageId?: string } }).kcContext?.pageId)
    .catch(() => undefined);
}

/** Waits until the browser shows the Keycloak page `pageId` (after redirects and rendering). */
export async function waitForKeycloakPage(page: Page, pageId: string | string[], timeoutMs = 20_000): Promise<string> {
  const wanted = Array.isArray(pageId) ? pageId : [pageId];
  const deadline = Date.now() + timeoutMs;
  let seen: string | undefined;
  while (Date.now() < deadline) {
    seen = await keycloakPageId(page);
    if (seen && wanted.includes(seen)) {
      // Keycloakify renders after the document loads; wait for the page's first form or heading.
      await page
        .locator("main, form, h1")
        .first()
        .waitFor({ state: "visible", timeout: 10_000 })
        .catch(() => undefined);
      return seen;
    }
    await page.waitForTimeout(150);
  }
  const text = (
    await page
      .locator("body")
      .innerText()
      .catch(() => "")
  ).slice(0, 600);
  throw new Error(
    `expected Keycloak page ${wanted.join(" or ")}, but the browser shows ${seen ?? "no Keycloak page"} at ${page.url()}\n${text}`,
  );
}
