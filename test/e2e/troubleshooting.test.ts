import { openDevice } from "../../journeys/browser.js";
import { PAGES } from "../../journeys/browser-journeys.js";
import { forgotPassword, forgotUserId, otpPhoneThenPc, passkeyFromPc } from "../../journeys/troubleshooting.js";
import { browserSuite, E2E_TIMEOUT, memberState } from "../support/browser-suite.js";
import { CREDENTIAL_TYPE } from "../../contracts/index.js";

/**
 * The manual's troubleshooting pages and device changes that the other journeys do not cover, as
 * `npm run manual` prints them: ⑬ (OTP chosen on the phone, set up from a PC), a forgotten
 * password, a forgotten user ID, a PC login with the phone's passkey.
 */
describe("troubleshooting journeys", () => {
  const suite = browserSuite("e2e-trouble");

  test(
    "⑬: OTP chosen on the phone, set up from the PC at the next login; then a forgotten password is mailed a reset link",
    async () => {
      const s = await suite.newMember("⑬ OTP phone → PC");
      const { shown } = await otpPhoneThenPc(suite.browser, s);
      expect(shown.userId).toBe(s.member.userId);
      // The stage turns active at the next login (kenpo-enrol); the device is registered now.
      const state = await memberState(suite.realm, s.member.userId);
      expect(state.credentials.map((c) => c.type)).toContain(CREDENTIAL_TYPE.otp);
      // ③–⑦ were not shown again on the PC.
      expect(s.journey.screens.filter((x) => x.step === "③")).toHaveLength(1);

      const pc = await openDevice(suite.browser, "pc");
      try {
        const landed = await forgotPassword(s, pc);
        expect(landed.page).toBe(PAGES.login);
        // The first mail to this member was the email check's code; the next is the reset link.
        const mail = await suite.realm.mailbox.waitForMail(s.member.email, (m) => m.code === undefined);
        expect(mail.links.some((link) => link.includes("action-token"))).toBe(true);
      } finally {
        await pc.close();
      }
    },
    E2E_TIMEOUT,
  );

  test(
    "forgotten user ID: the login page says whom to ask; PC with the phone's passkey: the button is on the login page",
    async () => {
      const s = await suite.newMember("help on the login page");
      const pc = await openDevice(suite.browser, "pc");
      try {
        const help = await forgotUserId(s, pc);
        expect(help.text).toContain("ユーザID");
        expect(help.text).toContain("健康保険組合");
        const { buttonLabel } = await passkeyFromPc(s, pc);
        expect(buttonLabel).not.toBe("");
      } finally {
        await pc.close();
      }
    },
    E2E_TIMEOUT,
  );
});
