import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openDevice, waitForKeycloakPage, type Device } from "../../journeys/browser.js";
import {
  acceptTerms,
  chooseMethod,
  confirmEmail,
  enterBirthdate,
  firstLoginDone,
  logInWithPassword,
  PAGES,
  setNewPassword,
} from "../../journeys/browser-journeys.js";
import { applyRealm } from "../../realm-config/provision.js";
import { portalClientSchema } from "../../realm-config/schema.js";
import { METHOD } from "../../contracts/index.js";
import { browserSuite, E2E_TIMEOUT } from "../support/browser-suite.js";

const APP_ID = "kenpo-benefits-app";
const APP_NAME = { ja: "給付金アプリ", en: "Benefits app" };

/**
 * An integrator's own app registered in the society file beside the portal: a member who starts
 * there is sent back there, not to the society's portal — from ⑧'s "continue on the smartphone"
 * QR code and from the "start again" of a page that can no longer be used — and the pages' header
 * names that app.
 */
describe("a member starting from a second app", () => {
  const suite = browserSuite("e2e-app2");
  let app: Server;
  let appUrl: string;

  beforeAll(async () => {
    app = createServer((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><html lang="ja"><title>${APP_NAME.ja}</title><h1>${APP_NAME.ja}</h1></html>`);
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
    const second = portalClientSchema.parse({
      clientId: APP_ID,
      name: APP_NAME,
      rootUrl: appUrl,
      redirectUris: [`${appUrl}callback`],
      webOrigins: [new URL(appUrl).origin],
      postLogoutRedirectUris: [appUrl],
    });
    const { config, admin } = suite.realm;
    await applyRealm(admin, { ...config, portalClients: [...config.portalClients, second] });
  }, E2E_TIMEOUT);
  afterAll(async () => {
    await new Promise((resolve) => app?.close(resolve));
  });

  /** What the app does to log a member in: the authorization endpoint with PKCE. */
  async function openApp(device: Device): Promise<void> {
    const verifier = randomBytes(32).toString("base64url");
    const params = new URLSearchParams({
      client_id: APP_ID,
      redirect_uri: `${appUrl}callback`,
      response_type: "code",
      scope: "openid",
      state: randomBytes(8).toString("hex"),
      nonce: randomBytes(8).toString("hex"),
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    });
    const { keycloakUrl, config } = suite.realm;
    await device.page.goto(`${keycloakUrl}/realms/${config.realm}/protocol/openid-connect/auth?${params}`);
    await waitForKeycloakPage(device.page, PAGES.login);
  }

  test(
    "⑧: the header names the app and the 'continue on the smartphone' QR code opens the app",
    async () => {
      const s = await suite.newMember("second app, ⑧");
      const pc = await openDevice(suite.browser, "pc");
      try {
        await openApp(pc);
        expect(await pc.page.locator("header").innerText()).toContain(APP_NAME.ja);
        await logInWithPassword(s, pc);
        await enterBirthdate(s, pc);
        await acceptTerms(s, pc);
        await chooseMethod(s, pc, METHOD.passkey);
        await confirmEmail(s, pc);
        await setNewPassword(s, pc);
        const fromQr = await firstLoginDone(s, pc, METHOD.passkey, "phone");
        expect(fromQr).toBe(appUrl);
        expect(fromQr).not.toBe(suite.realm.portal.url);
      } finally {
        await pc.close();
      }
    },
    E2E_TIMEOUT,
  );

  test(
    "a step reopened after it was done: 'start again' leads to the app",
    async () => {
      const s = await suite.newMember("second app, start again");
      const pc = await openDevice(suite.browser, "pc");
      try {
        await openApp(pc);
        const address = await pc.page.evaluate(
          () => (window as unknown as { kcContext: { url: { loginAction: string } } }).kcContext.url.loginAction,
        );
        await logInWithPassword(s, pc);
        await waitForKeycloakPage(pc.page, PAGES.birthdate);
        await pc.page.goto(address);
        await waitForKeycloakPage(pc.page, PAGES.pageExpired);
        const startAgain = pc.page.locator("#kp-start-again");
        expect(await startAgain.getAttribute("href")).toBe(appUrl);
        await Promise.all([pc.page.waitForURL(appUrl), startAgain.click()]);
        expect(await pc.page.locator("h1").innerText()).toBe(APP_NAME.ja);
      } finally {
        await pc.close();
      }
    },
    E2E_TIMEOUT,
  );
});
