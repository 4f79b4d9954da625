import { openDevice, waitForKeycloakPage } from "../../journeys/browser.js";
import { enterBirthdate, logInWithPassword, openPortal, PAGES } from "../../journeys/browser-journeys.js";
import { continueLogin, reopenedEarlierStep, timedOutLogin } from "../../journeys/troubleshooting.js";
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
      {
        accessCodeLifespanLogin: LIFESPAN_SECONDS,
        accessCodeLifespanUserAction: LIFESPAN_SECONDS,
        accessCodeLifespan: LIFESPAN_SECONDS,
      },
    );
  }, E2E_TIMEOUT);

  test(
    "login page left open → timed-out message → Login with OpenID Connect again → the login goes on",
    async () => {
      const s = await suite.newMember("journey 5 (timeout)");
      const pc = await openDevice(suite.browser, "pc");
      try {
        // Keycloak restarts the login (its restart cookie survives the session): the login page again, with the reason.
        const shown = await timedOutLogin(s, pc, (LIFESPAN_SECONDS + 4) * 1000);
        expect(shown.page).toBe(PAGES.login);
        expect(shown.text).toContain("一定の時間が経った");
        await openPortal(s, pc);
        await logInWithPassword(s, pc);
        await enterBirthdate(s, pc);
        await waitForKeycloakPage(pc.page, PAGES.terms);
      } finally {
        await pc.close();
      }
    },
    E2E_TIMEOUT,
  );

  test(
    "a first-login page left open (③ birthdate) times out the same way",
    async () => {
      const s = await suite.newMember("journey 5b (timeout at ③)");
      const pc = await openDevice(suite.browser, "pc");
      try {
        await openPortal(s, pc);
        await logInWithPassword(s, pc);
        await waitForKeycloakPage(pc.page, PAGES.birthdate);
        await pc.page.waitForTimeout((LIFESPAN_SECONDS + 4) * 1000);
        await enterBirthdate(s, pc);
        expect(await waitForKeycloakPage(pc.page, [PAGES.login, PAGES.error, PAGES.pageExpired])).toBe(PAGES.login);
        expect(await pc.page.locator("body").innerText()).toContain("一定の時間が経った");
        // Starting again from the portal: the first login resumes at ③.
        await openPortal(s, pc);
        await logInWithPassword(s, pc);
        await waitForKeycloakPage(pc.page, PAGES.birthdate);
      } finally {
        await pc.close();
      }
    },
    E2E_TIMEOUT,
  );

  test(
    "an earlier step reopened (browser back) → 'this page can no longer be used' → continue at the current step; or start again from the portal",
    async () => {
      const s = await suite.newMember("journey 5c (page expired)");
      const pc = await openDevice(suite.browser, "pc");
      try {
        const shown = await reopenedEarlierStep(s, pc);
        const loginStep = shown.address;
        expect(shown.page).toBe(PAGES.pageExpired);
        expect(shown.text).toContain("ログインの手続きは続いています");
        expect(shown.text).not.toContain("時間切れ");

        // Continue: back at ③, where the login is; no second password.
        await continueLogin(s, pc);
        await waitForKeycloakPage(pc.page, PAGES.birthdate);

        // Or start again: the same page offers the portal.
        await pc.page.goto(loginStep);
        await waitForKeycloakPage(pc.page, PAGES.pageExpired);
        const startAgain = pc.page.locator("#kp-start-again");
        expect(await startAgain.getAttribute("href")).toBe(suite.realm.portal.url);
        await s.journey.tap(startAgain, "やり直す");
        await pc.page.getByRole("button", { name: "Login with OpenID Connect" }).waitFor({ state: "visible" });
      } finally {
        await pc.close();
      }
    },
    E2E_TIMEOUT,
  );
});
