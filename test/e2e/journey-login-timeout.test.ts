import { openDevice, waitForKeycloakPage } from "../support/browser.js";
import { enterBirthdate, logInWithPassword, openPortal, PAGES } from "../support/browser-journeys.js";
import { browserSuite, E2E_TIMEOUT } from "../support/browser-suite.js";

/** How long this realm lets a login page stay open (seconds); the society default is 30 minutes. */
const LIFESPAN_SECONDS = 8;

/**
 * Journey 5: the member leaves a login page open past the realm's login lifespan; Keycloak stops
 * the login and says why in Japanese; starting again from the portal works.
 */
describe("journey 5: login timeout", () => {
  const suite = browserSuite("e2e-timeout");

  beforeAll(async () => {
    // Only this test's realm: login pages and required-action pages expire after a few seconds.
    await suite.realm.admin.realms.update(
      { realm: suite.realm.config.realm },
      { accessCodeLifespanLogin: LIFESPAN_SECONDS, accessCodeLifespanUserAction: LIFESPAN_SECONDS, accessCodeLifespan: LIFESPAN_SECONDS },
    );
  }, E2E_TIMEOUT);

  test("login page left open → timed-out message → Login with OpenID Connect again → the login goes on", async () => {
    const s = await suite.newMember("journey 5 (timeout)");
    const pc = await openDevice(suite.browser, "pc");
    try {
      await openPortal(s, pc);
      await waitForKeycloakPage(pc.page, PAGES.login);
      await pc.page.waitForTimeout((LIFESPAN_SECONDS + 4) * 1000);
      await logInWithPassword(s, pc);

      // Keycloak 26 restarts the login and shows the reason on the login page (error.ftl /
      // login-page-expired.ftl when the login cannot be restarted).
      const shown = await waitForKeycloakPage(pc.page, [PAGES.login, PAGES.error, PAGES.pageExpired]);
      const text = await pc.page.locator("body").innerText();
      expect(text).toContain("一定の時間が経った");
      await s.journey.screen(pc.page, "", { ja: "時間切れの画面が出たときは、加入者ページの「Login with OpenID Connect」からやり直します。", en: "If the login timed out, start again with “Login with OpenID Connect” on the member portal." }, pc.kind);

      // The one next step: the theme's start-again button where the page has it, else the portal.
      const startAgain = pc.page.locator("#kp-start-again");
      if (shown !== PAGES.login && (await startAgain.count()) > 0) {
        expect(await startAgain.getAttribute("href")).toBe(suite.realm.portal.url);
        await s.journey.tap(startAgain, "やり直す");
        await pc.page.getByRole("button", { name: "Login with OpenID Connect" }).waitFor({ state: "visible" });
      }
      await openPortal(s, pc);
      await logInWithPassword(s, pc);
      await enterBirthdate(s, pc);
      await waitForKeycloakPage(pc.page, PAGES.terms);
    } finally {
      await pc.close();
    }
  }, E2E_TIMEOUT);

  test("a first-login page left open (③ birthdate) times out the same way", async () => {
    const s = await suite.newMember("journey 5b (timeout at ③)");
    const pc = await openDevice(suite.browser, "pc");
    try {
      await openPortal(s, pc);
      await logInWithPassword(s, pc);
      await waitForKeycloakPage(pc.page, PAGES.birthdate);
      await pc.page.waitForTimeout((LIFESPAN_SECONDS + 4) * 1000);
      await enterBirthdate(s, pc);
      await waitForKeycloakPage(pc.page, [PAGES.login, PAGES.error, PAGES.pageExpired]);
      expect(await pc.page.locator("body").innerText()).toContain("一定の時間が経った");
      // Starting again from the portal: the first login resumes at ③.
      await openPortal(s, pc);
      await logInWithPassword(s, pc);
      await waitForKeycloakPage(pc.page, PAGES.birthdate);
    } finally {
      await pc.close();
    }
  }, E2E_TIMEOUT);
});
