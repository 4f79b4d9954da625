import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { repoRoot } from "../../runtime/keycloak/paths.js";
import { launchBrowser, waitForKeycloakPage } from "../../journeys/browser.js";
import { authorizationRequest } from "../../journeys/http-login.js";
import { cardMember, importMember, mailedCode, type TestRealm } from "../../journeys/http-journey.js";
import { mailboxSmtp, startMailbox, type Mailbox } from "../support/mailbox.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { clusterNode, clusterPublic } from "./cluster-env.js";
import { FORM_FIELD, PAGE } from "../../contracts/index.js";
import { appOrigins, NGINX_ORIGINS_VARIABLE } from "../../realm-config/origins.js";
import type { SocietyConfig } from "../../realm-config/schema.js";

/**
 * The Content-Security-Policy that docker/nginx adds to the login pages, checked in a real chromium
 * against the real theme: the first login from ② to the portal, including the OTP QR code, runs
 * under that policy with no violation. The policy is read from the proxy's config file itself and
 * served by Keycloak (the realm's CSP header setting) together with Keycloak's own default
 * directives, as the browser gets both behind the proxy.
 */

const PORTAL = "http://localhost:5173";
const KEYCLOAK_DEFAULT_CSP = "frame-src 'self'; frame-ancestors 'self'; object-src 'none';";

/** The CSP as nginx sends it for this realm's society config: its apps' origins (kenpo proxy-origins), no extra ones. */
function proxyCsp(config: SocietyConfig): string {
  const template = readFileSync(join(repoRoot, "docker", "nginx", "templates", "kenpo.conf.template"), "utf8");
  const header = /location \/realms\/ \{[^}]*add_header Content-Security-Policy "([^"]+)"/.exec(template)?.[1];
  if (!header) throw new Error("no Content-Security-Policy for /realms/ in docker/nginx/templates/kenpo.conf.template");
  return header.replace(NGINX_ORIGINS_VARIABLE, appOrigins(config).join(" ")).replace(" ${KENPO_EXTRA_ORIGINS}", "");
}

/** A browser page that reports CSP violations. */
async function watchedPage(browser: Browser): Promise<{ page: Page; violations: string[] }> {
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}`,
      );
    });
  });
  return { page, violations };
}

describe("the proxy's Content-Security-Policy and the kenpo theme", () => {
  let realm: TestRealm;
  let mailbox: Mailbox;
  let browser: Browser;

  beforeAll(async () => {
    mailbox = await startMailbox();
    realm = await provisionTestRealm("csp", { smtp: mailboxSmtp(mailbox) }, clusterNode(2));
    browser = await launchBrowser();
  });
  const useCsp = (policy: string) =>
    realm.admin.realms.update(
      { realm: realm.config.realm },
      { browserSecurityHeaders: { contentSecurityPolicy: `${KEYCLOAK_DEFAULT_CSP} ${policy}` } },
    );
  afterAll(async () => {
    await browser?.close();
    await realm?.cleanup();
    await mailbox?.close();
  });

  // Through the cluster's public URL, with PKCE as the portal client requires.
  const loginUrl = () =>
    authorizationRequest(
      clusterPublic().url,
      realm.config.realm,
      realm.config.portalClients[0]!.clientId,
      `${PORTAL}/callback`,
    ).authUrl;

  test("a first login from ② to the portal, OTP QR code included, runs under the proxy's CSP without a violation", async () => {
    const member = cardMember("csp.taro");
    await importMember(realm, member);
    await useCsp(proxyCsp(realm.config));
    const { page, violations } = await watchedPage(browser);
    // The header of the page the browser got, not of a second request (one connection fewer through the balancer).
    const header = (await page.goto(loginUrl()))?.headers()["content-security-policy"];
    expect(header).toContain("script-src 'self' 'unsafe-inline'");
    await waitForKeycloakPage(page, "login.ftl");
    await page.locator("#username").fill("csp.taro");
    await page.locator("#password").fill(member.initialPassword);
    await page.locator("#kc-login").click();
    await waitForKeycloakPage(page, PAGE.birthdate);
    await page.locator("#birthdate").fill("19801201");
    await page.locator("#kp-birthdate-submit").click();
    await waitForKeycloakPage(page, PAGE.terms);
    await page.locator("#kc-accept").click();
    await waitForKeycloakPage(page, PAGE.methodChoice);
    await page.locator("#method-otp").check();
    await page.locator("#kp-method-submit").click();
    await waitForKeycloakPage(page, PAGE.emailCode);
    await page.locator(`#${FORM_FIELD.emailCode}`).fill(await mailedCode(mailbox, member.email!));
    await page.locator("#kp-code-submit").click();
    await waitForKeycloakPage(page, "login-update-password.ftl");
    await page.locator("#password-new").fill("Csp-Pass-2026!");
    await page.locator("#password-confirm").fill("Csp-Pass-2026!");
    await page.locator("#kp-password-submit").click();
    await waitForKeycloakPage(page, "login-config-totp.ftl");
    await page.locator("#kp-set-up-here").click();
    // The QR code is a data: image: img-src must allow it, and it must really be drawn.
    const qr = page.locator("#kc-totp-secret-qr-code");
    await qr.waitFor({ state: "visible" });
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const secret = await page.evaluate(
      () =>
        (window as unknown as { kcContext: { totp: { totpSecretEncoded: string } } }).kcContext.totp.totpSecretEncoded,
    );
    const { TOTP, Secret } = await import("otpauth");
    await page.locator("#totp").fill(new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, "")) }).generate());
    await page.locator("#userLabel").fill("CSP phone");
    // The last post redirects to the portal (nothing listens there): the browser must be allowed to
    // go (form-action), which shows as its request for the callback with the authorization code.
    const [toPortal] = await Promise.all([
      page.waitForRequest((r) => r.url().startsWith(`${PORTAL}/callback`)),
      page.locator("#saveTOTPBtn").click(),
    ]);
    expect(new URL(toPortal.url()).searchParams.get("code")).toBeTruthy();
    expect(violations).toEqual([]);
  });

  test("the check can fail: without 'unsafe-inline' the theme's inline kcContext script is reported", async () => {
    const strict = proxyCsp(realm.config).replace("script-src 'self' 'unsafe-inline'", "script-src 'self'");
    expect(strict).not.toBe(proxyCsp(realm.config));
    await useCsp(strict);
    const { page, violations } = await watchedPage(browser);
    await page.goto(loginUrl());
    await page.waitForTimeout(1000);
    expect(violations.some((v) => v.startsWith("script-src-elem blocked inline"))).toBe(true);
  });
});
