import type { Page } from "playwright-core";
import { authorizationRequest } from "../../journeys/http-login.js";
import { importMembers, initialPasswordOf, newTestMember } from "../../journeys/browser-realm.js";
import { openDevice } from "../../journeys/browser.js";
import { FORM_FIELD } from "../../contracts/index.js";
import { browserSuite, E2E_TIMEOUT } from "../support/browser-suite.js";

/**
 * Where the cursor is when a page has opened: in its first field, so a member types at once and a
 * screen reader starts there. Pages with a shell hand the focus over from the shell; pages without
 * one (a message shown, the reset request) rely on the bundle's own autofocus, which under preact is
 * only the attribute: measured here in chromium, not assumed.
 */
describe("the focus when a page opens", () => {
  const suite = browserSuite("e2e-focus");

  /** The bundle has rendered the page and no shell is left. */
  const settled = (page: Page) =>
    page.waitForFunction(
      () => "kcContext" in window && !document.getElementById("kp-shell") && document.querySelector("h1"),
    );
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

  test(
    "② user ID (shell); ② after a wrong password (no shell); ③ birthdate (shell); the reset request (no shell)",
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
      const pc = await openDevice(suite.browser, "pc");
      try {
        const { page } = pc;
        await page.goto(authUrl);
        await settled(page);
        expect(await focused(page)).toBe("username");

        await page.getByLabel("ユーザID", { exact: true }).fill(member.userId);
        await page.getByLabel("パスワード", { exact: true }).fill("not-the-password");
        await Promise.all([page.waitForEvent("load"), page.locator("#kc-login").click()]);
        await settled(page);
        // Refused: the field error is shown (a page with a message gets no shell).
        await expect(page.locator("#username[aria-invalid=true]").count()).resolves.toBe(1);
        expect(await focused(page)).toBe("username");

        await page.getByLabel("パスワード", { exact: true }).fill(initialPasswordOf(member));
        await Promise.all([page.waitForEvent("load"), page.locator("#kc-login").click()]);
        await settled(page);
        expect(await focused(page)).toBe(FORM_FIELD.birthdate);

        await page.goto(authUrl);
        await settled(page);
        await Promise.all([page.waitForEvent("load"), page.locator("#kp-forgot-password").click()]);
        await settled(page);
        expect(await focused(page)).toBe("username");
      } finally {
        await pc.close();
      }
    },
    E2E_TIMEOUT,
  );
});
