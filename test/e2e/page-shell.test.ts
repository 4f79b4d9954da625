import { authorizationRequest } from "../../journeys/http-login.js";
import { importMembers, initialPasswordOf, newTestMember } from "../../journeys/browser-realm.js";
import { FORM_FIELD } from "../../contracts/index.js";
import { browserSuite, E2E_TIMEOUT } from "../support/browser-suite.js";

/**
 * The pages' pre-rendered shells (theme/src/shell/): with JavaScript off in chromium, the login page
 * Keycloak serves already shows its fields, and they work — the member's first post reaches ③, whose
 * shell shows the birthdate field. So a phone paints and accepts input before the bundle has run.
 */
describe("login pages before their scripts run (JavaScript disabled)", () => {
  const suite = browserSuite("e2e-shell");

  test(
    "② shows user ID, password and the login button; posting them shows ③'s birthdate field",
    async () => {
      const member = newTestMember();
      await importMembers(suite.realm, [member]);
      const { authUrl } = authorizationRequest(
        suite.realm.keycloakUrl,
        suite.realm.config.realm,
        suite.realm.clientId,
        `${suite.realm.portal.url}`,
        { ui_locales: "ja" },
      );
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
});
