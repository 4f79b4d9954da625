import { addVirtualAuthenticator, openDevice, waitForKeycloakPage } from "../../journeys/browser.js";
import {
  confirmEmail,
  expectPortalMember,
  firstLoginDone,
  logInWithPassword,
  logOut,
  openPortal,
  PAGES,
  registerPasskey,
  returningOtpLogin,
  returningPasskeyLogin,
  setUpOtp,
  type MemberSession,
} from "../../journeys/browser-journeys.js";
import { browserSuite, E2E_TIMEOUT, leaveEnrolmentPending, memberState } from "../support/browser-suite.js";
import { CREDENTIAL_TYPE, METHOD, REQUIRED_ACTION, type Method } from "../../contracts/index.js";

/**
 * The second half of the first login on its own: Keycloak's required actions (email, OTP app,
 * passkey) as the first-login flow leaves them pending, shown by our theme in chromium. The full
 * journeys (test/e2e/journey-*.test.ts) go through ③–⑤ first; these pin the enrolment pages,
 * the QR codes, the virtual authenticator and the everyday logins independently of that flow.
 */
describe("MFA enrolment pages in the browser (required actions left pending)", () => {
  const suite = browserSuite("e2e-enrol");

  const pending = (s: MemberSession, method: Method, actions: string[]) =>
    leaveEnrolmentPending(suite.realm, s.member.userId, method, actions);

  test(
    "the email check → ⑧ → OTP set-up from the QR code → portal; then password + OTP",
    async () => {
      const s = await suite.newMember("enrolment (OTP)");
      await pending(s, METHOD.otp, [REQUIRED_ACTION.verifyEmail, REQUIRED_ACTION.configureTotp]);
      const pc = await openDevice(suite.browser, "pc");
      try {
        await openPortal(s, pc);
        await logInWithPassword(s, pc);
        await confirmEmail(s, pc);
        await firstLoginDone(s, pc, METHOD.otp, "here");
        // Keycloak's stock notice on this page speaks of a "mobile authenticator"; ours uses the manual's words.
        await waitForKeycloakPage(pc.page, PAGES.otpSetup);
        const text = await pc.page.locator("body").innerText();
        expect(text).toContain("ワンタイムパスワードの設定を終えると");
        expect(text).not.toContain("オーセンティケーター");
        await setUpOtp(s, pc, "テスト用スマートフォン");
        expect((await expectPortalMember(s, pc)).userId).toBe(s.member.userId);
        await logOut(s, pc);
        await returningOtpLogin(s, pc);
        await expectPortalMember(s, pc, "");
      } finally {
        await pc.close();
      }
      const state = await memberState(suite.realm, s.member.userId);
      expect(state.credentials).toContainEqual({ type: CREDENTIAL_TYPE.otp, label: "テスト用スマートフォン" });
      expect(state.user.emailVerified).toBe(true);
    },
    E2E_TIMEOUT,
  );

  test(
    "passkey: failed face check → 再試行 → registered with its device name; then passwordless login",
    async () => {
      const s = await suite.newMember("enrolment (passkey)");
      await pending(s, METHOD.passkey, [REQUIRED_ACTION.registerPasskey]);
      const phone = await openDevice(suite.browser, "iphone");
      try {
        const authenticator = await addVirtualAuthenticator(phone.page);
        await openPortal(s, phone);
        await logInWithPassword(s, phone);
        await firstLoginDone(s, phone, METHOD.passkey, "here");

        await authenticator.setUserVerified(false);
        await registerPasskey(s, phone, "iPhone（テスト）");
        await waitForKeycloakPage(phone.page, PAGES.passkeyError);
        expect(await phone.page.locator("#kc-try-again").innerText()).toContain("再試行");
        expect(await authenticator.credentials()).toHaveLength(0);

        await authenticator.setUserVerified(true);
        await s.journey.tap(phone.page.locator("#kc-try-again"), "再試行");
        await registerPasskey(s, phone, "iPhone（テスト）", "⑫");
        await expectPortalMember(s, phone);
        expect(await authenticator.credentials()).toHaveLength(1);

        await logOut(s, phone);
        const firstLoginInputs = s.journey.inputs.length;
        await returningPasskeyLogin(s, phone);
        expect((await expectPortalMember(s, phone, "")).userId).toBe(s.member.userId);
        expect(s.journey.inputs.slice(firstLoginInputs).some((input) => input.what.includes("パスワード"))).toBe(false);
      } finally {
        await phone.close();
      }
      const state = await memberState(suite.realm, s.member.userId);
      expect(state.credentials.filter((c) => c.type === CREDENTIAL_TYPE.passkey)).toEqual([
        { type: CREDENTIAL_TYPE.passkey, label: "iPhone（テスト）" },
      ]);
    },
    E2E_TIMEOUT,
  );
});
