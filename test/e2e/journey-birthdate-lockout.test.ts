import { openDevice, waitForKeycloakPage } from "../../journeys/browser.js";
import { PAGES } from "../../journeys/browser-journeys.js";
import { errorText, wrongBirthdates } from "../../journeys/troubleshooting.js";
import { initialPasswordOf } from "../../journeys/browser-realm.js";
import { browserSuite, E2E_TIMEOUT } from "../support/browser-suite.js";

/** Journey 6: five wrong birthdates lock the account, with a message that confirms nothing. */
describe("journey 6: wrong birthdate five times", () => {
  const suite = browserSuite("e2e-lockout");

  test(
    "5 wrong birthdates → locked: the right birthdate and the right password are refused with neutral messages",
    async () => {
      const s = await suite.newMember("journey 6 (lockout)");
      const pc = await openDevice(suite.browser, "pc");
      const { page } = pc;
      try {
        const wrongMessages = await wrongBirthdates(s, pc, 5, async (attempt, shown) => {
          // Every wrong answer, the locking fifth too, keeps the member on ③ (kenpo-birthdate answers it there).
          expect(shown.page).toBe(PAGES.birthdate);
          if (attempt === 4)
            expect(await lockoutStatus(s.member.userId, 4)).toEqual({ numFailures: 4, disabled: false });
        });
        expect(await lockoutStatus(s.member.userId, 5)).toEqual({ numFailures: 5, disabled: true });
        expect(wrongMessages[0]).not.toBe("");
        // Every wrong answer gets the same neutral message (the attempts counter aside).
        const neutral = (text: string) => text.replace(/\d+/g, "#");
        expect(new Set(wrongMessages.slice(0, 4).map(neutral)).size).toBe(1);

        // Locked: even the right birthdate is refused, with the same message (typed at a member's
        // pace, a couple of seconds after the last wrong answer).
        await page.waitForTimeout(2_000);
        await page.locator("#birthdate").fill(s.member.birthdate.replaceAll("-", ""));
        await Promise.all([page.waitForEvent("load"), page.locator("#kp-birthdate-submit").click()]);
        expect(await waitForKeycloakPage(page, [PAGES.birthdate, PAGES.login, PAGES.terms, PAGES.error])).toBe(
          PAGES.birthdate,
        );
        expect(neutral(await errorText(page))).toBe(neutral(wrongMessages[0]!));
      } finally {
        await pc.close();
      }

      // A new login with the right password is refused exactly like an unknown user ID.
      const lockedText = await loginError(suite, s.member.userId, initialPasswordOf(s.member));
      const unknownText = await loginError(suite, "no-such-member", initialPasswordOf(s.member));
      expect(lockedText).not.toBe("");
      expect(lockedText).toBe(unknownText);
    },
    E2E_TIMEOUT,
  );

  /**
   * Keycloak's own lockout record of the member, once it has counted `failures` (it counts on a
   * background executor, so the record may lag the page by a moment).
   */
  async function lockoutStatus(userId: string, failures: number): Promise<{ numFailures: number; disabled: boolean }> {
    const { admin, config } = suite.realm;
    const [user] = await admin.users.find({ realm: config.realm, username: userId, exact: true });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const status = await admin.attackDetection.findOne({ realm: config.realm, id: user!.id! });
      const seen = { numFailures: Number(status?.numFailures ?? 0), disabled: Boolean(status?.disabled) };
      if (seen.numFailures >= failures || Date.now() > deadline) return seen;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function loginError(s: typeof suite, userId: string, password: string): Promise<string> {
    const device = await openDevice(s.browser, "pc");
    try {
      await device.page.goto(s.realm.portal.url);
      await device.page.getByRole("button", { name: "Login with OpenID Connect" }).click();
      await waitForKeycloakPage(device.page, PAGES.login);
      await device.page.locator("#username").fill(userId);
      await device.page.locator("#password").fill(password);
      await Promise.all([device.page.waitForEvent("load"), device.page.locator("#kc-login").click()]);
      const page = await waitForKeycloakPage(device.page, [PAGES.login, PAGES.birthdate]);
      if (page !== PAGES.login) return `(passed the login page to ${page})`;
      // Awaited here: the finally below closes the page.
      return await errorText(device.page);
    } finally {
      await device.close();
    }
  }
});
