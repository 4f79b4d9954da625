import { otpJourneyOnPc } from "../../journeys/browser-journeys.js";
import { browserSuite, E2E_TIMEOUT, memberState, printCounts } from "../support/browser-suite.js";
import { CREDENTIAL_TYPE, METHOD, STAGE } from "../../contracts/index.js";

/** Journey 1: a member on a PC chooses the OTP app, then logs in again with password + OTP. */
describe("journey 1: PC, OTP app", () => {
  const suite = browserSuite("e2e-otp");

  test(
    "portal → initial password → ③–⑦ → ⑧ → OTP set-up from the QR code → portal; again with password + OTP",
    async () => {
      const s = await suite.newMember("journey 1 (PC, OTP)");
      // The portal's 「登録済みのデバイスを確認する」 opens Keycloak's account console, which needs the realm's default
      // roles: imported members get them, so the console lists the device by its name instead of an error.
      let consoleText = "";
      const result = await otpJourneyOnPc(suite.browser, s, async (pc) => {
        await pc.page.locator("#account-link").click();
        await pc.page.waitForURL((url) => url.pathname.includes(`/realms/${suite.realm.config.realm}/account`));
        await pc.page.goto(
          `${suite.realm.keycloakUrl}/realms/${suite.realm.config.realm}/account/account-security/signing-in`,
        );
        await pc.page.getByText("わたしのスマートフォン").first().waitFor({ state: "visible", timeout: 60_000 });
        consoleText = await pc.page.locator("body").innerText();
      });
      expect(consoleText).toContain("わたしのスマートフォン");
      expect(consoleText).not.toContain("何らかの問題が発生しました");

      expect(result.shown).toEqual({ name: `${s.member.lastName} ${s.member.firstName}`, userId: s.member.userId });
      const state = await memberState(suite.realm, s.member.userId);
      expect(state.credentials).toEqual(
        expect.arrayContaining([{ type: CREDENTIAL_TYPE.otp, label: "わたしのスマートフォン" }]),
      );
      expect(state.stage).toBe(STAGE.active);
      expect(state.method).toBe(METHOD.otp);
      expect(state.user.emailVerified).toBe(true);
      // The returning login went through the OTP page.
      expect(result.journey.screens.map((x) => x.pageId)).toContain("login-otp.ftl");

      printCounts("journey 1 first login (PC, OTP)", result.firstLogin);
      printCounts("journey 1 first login + logout + returning login", {
        screens: result.journey.screens.length,
        pageLoads: result.journey.pageLoads,
        inputs: result.journey.inputs.length,
      });
      process.stdout.write(`${result.journey.summary()}\n`);
    },
    E2E_TIMEOUT,
  );
});
