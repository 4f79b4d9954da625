import { authorizationRequest } from "../../journeys/http-login.js";
import { importMembers, initialPasswordOf, newTestMember } from "../../journeys/browser-realm.js";
import { openDevice } from "../../journeys/browser.js";
import { FORM_FIELD, METHOD, REQUIRED_ACTION } from "../../contracts/index.js";
import { browserSuite, E2E_TIMEOUT, leaveEnrolmentPending } from "../support/browser-suite.js";

/**
 * The pages' pre-rendered shells (theme/src/shell/): with JavaScript off in chromium, the login page
 * Keycloak serves already shows its fields, and they work — the member's first post reaches ③, whose
 * shell shows the birthdate field. So a phone paints and accepts input before the bundle has run.
 */
describe("login pages before their scripts run (JavaScript disabled)", () => {
  const suite = browserSuite("e2e-shell");
  const portalLoginUrl = () =>
    authorizationRequest(
      suite.realm.keycloakUrl,
      suite.realm.config.realm,
      suite.realm.clientId,
      `${suite.realm.portal.url}`,
      { ui_locales: "ja" },
    ).authUrl;

  test(
    "② shows user ID, password and the login button; posting them shows ③'s birthdate field",
    async () => {
      const member = newTestMember();
      await importMembers(suite.realm, [member]);
      const authUrl = portalLoginUrl();
      const context = await suite.browser.newContext({ javaScriptEnabled: false, locale: "ja-JP" });
      try {
        const page = await context.newPage();
        await page.goto(authUrl);
        await expect(page.locator("h1").textContent()).resolves.toBe("ログイン");
        const userId = page.getByLabel("ユーザID", { exact: true });
        const password = page.getByLabel("パスワード", { exact: true });
        for (const field of [userId, password]) {
          await expect(field.isVisible()).resolves.toBe(true);
          await expect(field.isEnabled()).resolves.toBe(true);
        }
        // The society's name comes from the realm through FreeMarker, not from the script's data.
        await expect(page.locator(".kp-header__society").textContent()).resolves.toBe(
          suite.realm.config.societyName.ja,
        );
        await userId.fill(member.userId);
        await password.fill(initialPasswordOf(member));
        await page.getByRole("button", { name: "ログイン" }).click();
        await page.waitForURL(/login-actions/);
        const birthdate = page.locator(`input[name="${FORM_FIELD.birthdate}"]`);
        await expect(birthdate.isVisible()).resolves.toBe(true);
        await expect(birthdate.isEnabled()).resolves.toBe(true);
        await expect(page.locator("#kc-attempted-username").textContent()).resolves.toBe(member.userId);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  test(
    "⑧ before the scripts have arrived: its 'set up here' takes the tap, and ⑭ opens once they run",
    async () => {
      const member = newTestMember();
      await importMembers(suite.realm, [member]);
      // As the first login leaves a member after the email check: the OTP app's set-up pending.
      await leaveEnrolmentPending(suite.realm, member.userId, METHOD.otp, [REQUIRED_ACTION.configureTotp]);
      const authUrl = portalLoginUrl();
      const phone = await openDevice(suite.browser, "iphone");
      // The theme's scripts wait until released, as on a slow network.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await phone.context.route(/\/dist\/assets\/.*\.js$/, async (route) => {
        await released;
        // A page left meanwhile has cancelled its requests.
        await route.continue().catch(() => undefined);
      });
      try {
        const { page } = phone;
        await page.goto(authUrl, { waitUntil: "commit" });
        await page.getByLabel("ユーザID", { exact: true }).fill(member.userId);
        await page.getByLabel("パスワード", { exact: true }).fill(initialPasswordOf(member));
        await page.getByRole("button", { name: "ログイン" }).click();
        await page.waitForURL(/login-actions/, { waitUntil: "commit" });
        await expect(page.locator("h1").textContent()).resolves.toBe("初回ログインが完了しました");
        const here = page.locator("#kp-set-up-here");
        await expect(here.isEnabled()).resolves.toBe(true);
        await here.click();
        // Nothing of the page's own code has run yet: the tap is kept in the address.
        await expect(page.evaluate(() => window.location.hash)).resolves.toBe("#kp-setup");
        await expect(
          page.evaluate(() => "kcContext" in window && document.getElementById("kp-shell") !== null),
        ).resolves.toBe(true);
        release();
        await page.locator("h1", { hasText: "ワンタイムパスワードの設定" }).waitFor();
        await expect(page.getByLabel("ワンタイムパスワード（6桁）").isEnabled()).resolves.toBe(true);
      } finally {
        release();
        await phone.close();
      }
    },
    E2E_TIMEOUT,
  );

  // ⑧ for a passkey says what "set up here" registers: the phone's own biometrics, or a computer's. The shell is
  // rendered as on a computer; a phone must not read the computer's text until the scripts arrive.
  test.each([
    ["iphone", "いまお使いのスマートフォンの顔認証・指紋認証を登録します。"],
    ["pc", "このパソコンの顔認証・指紋認証（Windows Hello など）か、"],
  ] as const)(
    "⑧ (passkey) on %s before the scripts have arrived: that device's hint",
    async (kind, hint) => {
      const member = newTestMember();
      await importMembers(suite.realm, [member]);
      await leaveEnrolmentPending(suite.realm, member.userId, METHOD.passkey, [REQUIRED_ACTION.registerPasskey]);
      const device = await openDevice(suite.browser, kind);
      // The theme's scripts never arrive in this test.
      await device.context.route(/\/dist\/assets\/.*\.js$/, (route) => route.abort());
      try {
        const { page } = device;
        await page.goto(portalLoginUrl(), { waitUntil: "commit" });
        await page.getByLabel("ユーザID", { exact: true }).fill(member.userId);
        await page.getByLabel("パスワード", { exact: true }).fill(initialPasswordOf(member));
        await page.getByRole("button", { name: "ログイン", exact: true }).click();
        await page.waitForURL(/login-actions/);
        await expect(page.locator("h1").textContent()).resolves.toBe("初回ログインが完了しました");
        await expect(page.evaluate(() => document.getElementById("kp-shell") !== null)).resolves.toBe(true);
        await expect(page.locator("#kp-set-up-here-hint").textContent()).resolves.toContain(hint);
      } finally {
        await device.close();
      }
    },
    E2E_TIMEOUT,
  );
});
