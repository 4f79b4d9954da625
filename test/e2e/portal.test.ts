import type { Browser } from "playwright-core";
import { launchBrowser, openDevice, type Device } from "../../journeys/browser.js";
import { provisionBrowserRealm, type BrowserRealm } from "../../journeys/browser-realm.js";
import { freshCode } from "../../journeys/http-journey.js";
import { otpApp, otpCredential, seededUser } from "../../journeys/seed.js";
import { METHOD, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";

/**
 * The demo portal with keycloak-js against the real Keycloak, for a member whose first login is
 * done (password + OTP): login, the member shown, token refresh, re-login after the session ends,
 * logout.
 */
// Jest applies testTimeout only globally, not per project: each test carries its own.
const TIMEOUT = 3 * 60_000;

describe("demo member portal (keycloak-js) in chromium", () => {
  let realm: BrowserRealm;
  let browser: Browser;
  let pc: Device;
  const secretValue = "PortalTestSecret-0042";
  const totp = otpApp(secretValue);
  const password = "Portal-Test-Pass-2026";
  const userId = "hanako.sato";

  beforeAll(async () => {
    realm = await provisionBrowserRealm("portal");
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: [
          seededUser({
            username: userId,
            number: "0345678",
            password,
            firstName: "花子",
            lastName: "佐藤",
            email: "hanako@example.test",
            birthdate: "1985-04-01",
            attributes: { [USER_ATTRIBUTE.stage]: [STAGE.active], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] },
            credentials: [otpCredential(secretValue)],
          }),
        ],
      },
    });
    browser = await launchBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await realm?.cleanup();
  });
  beforeEach(async () => {
    pc = await openDevice(browser, "pc");
  });
  afterEach(async () => {
    await pc?.close();
  });

  const usedCodes = new Set<string>();

  async function logIn(device: Device): Promise<void> {
    const { page } = device;
    await page.locator("#username").fill(userId.toUpperCase());
    await page.locator("#password").fill(password);
    await page.locator("#kc-login").click();
    await page.locator("#otp").fill(await freshCode(totp, usedCodes));
    await page.locator("#kc-login").click();
  }

  test(
    "anonymous page → Login with OpenID Connect → password + OTP → the member's name and user ID",
    async () => {
      const { page } = pc;
      await page.goto(realm.portal.url);
      const button = page.getByRole("button", { name: "Login with OpenID Connect" });
      await button.click();
      await page.waitForURL((url) => url.toString().startsWith(`${realm.keycloakUrl}/realms/${realm.config.realm}/`));
      await logIn(pc);
      await page.locator("#member-name").waitFor({ state: "visible" });
      expect(await page.locator("#member-name").textContent()).toBe("佐藤 花子");
      expect(await page.locator("#member-user-id").textContent()).toBe(userId);
      // keycloak-js removed the code from the address bar.
      expect(page.url()).toBe(realm.portal.url);
    },
    TIMEOUT,
  );

  test(
    "an expired token is refreshed; when the session ended at Keycloak the member is sent to log in again",
    async () => {
      // Short access tokens for this client only, so expiry happens within the test.
      const [client] = await realm.admin.clients.find({ realm: realm.config.realm, clientId: realm.clientId });
      await realm.admin.clients.update(
        { realm: realm.config.realm, id: client!.id! },
        { ...client, attributes: { ...client!.attributes, "access.token.lifespan": "5" } },
      );
      try {
        const { page } = pc;
        await page.goto(realm.portal.url);
        await page.getByRole("button", { name: "Login with OpenID Connect" }).click();
        await logIn(pc);
        const status = page.locator("#session-status");
        await status.waitFor({ state: "visible" });
        await page.waitForFunction(
          () => Number(document.getElementById("session-status")?.dataset.refreshes) >= 1,
          undefined,
          { timeout: 20_000 },
        );
        expect(await page.locator("#member-user-id").textContent()).toBe(userId);

        // The member's sessions end at Keycloak (as after an idle timeout): the next refresh fails.
        const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: userId, exact: true });
        await realm.admin.users.logout({ realm: realm.config.realm, id: user!.id! });
        await page.waitForURL(
          (url) => url.pathname.includes(`/realms/${realm.config.realm}/protocol/openid-connect/auth`),
          { timeout: 20_000 },
        );
        await page.locator("#username").waitFor({ state: "visible" });
      } finally {
        await realm.admin.clients.update({ realm: realm.config.realm, id: client!.id! }, client!);
      }
    },
    TIMEOUT,
  );

  test(
    "logout ends the Keycloak session: the next login asks for the password again",
    async () => {
      const { page } = pc;
      await page.goto(realm.portal.url);
      await page.getByRole("button", { name: "Login with OpenID Connect" }).click();
      await logIn(pc);
      await page.locator("#logout-link").click();
      const button = page.getByRole("button", { name: "Login with OpenID Connect" });
      await button.waitFor({ state: "visible" });
      expect(new URL(page.url()).origin).toBe(new URL(realm.portal.url).origin);
      await button.click();
      await page.locator("#password").waitFor({ state: "visible" });
    },
    TIMEOUT,
  );
});
