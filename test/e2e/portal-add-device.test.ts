import { addVirtualAuthenticator, openDevice, waitForKeycloakPage } from "../../journeys/browser.js";
import {
  expectPortalMember,
  firstLoginDone,
  firstLoginUpToPassword,
  PAGES,
  registerPasskey,
  setUpOtp,
} from "../../journeys/browser-journeys.js";
import { browserSuite, E2E_TIMEOUT, memberState } from "../support/browser-suite.js";
import { CREDENTIAL_TYPE, METHOD } from "../../contracts/index.js";

/**
 * A member changing phones adds a device from the portal: Keycloak's application-initiated actions
 * (kc_action) reuse the session, show only the set-up page (no first-login step indicator, a way
 * to cancel) and return to the portal, which says how it went.
 */
describe("adding a device from the portal", () => {
  const suite = browserSuite("e2e-add-device");

  test(
    "an OTP member cancels once, then adds a second OTP app and a passkey; every device keeps its name",
    async () => {
      const s = await suite.newMember("add a device");
      const pc = await openDevice(suite.browser, "pc");
      const { page } = pc;
      try {
        await firstLoginUpToPassword(s, pc, METHOD.otp);
        await firstLoginDone(s, pc, METHOD.otp, "here");
        await setUpOtp(s, pc, "古いスマートフォン");
        await expectPortalMember(s, pc);

        // Changed their mind: cancel returns to the portal, signed in, nothing added.
        await page.locator("#add-otp").click();
        await waitForKeycloakPage(page, PAGES.otpSetup);
        await page.locator("#cancelTOTPBtn").click();
        await expectPortalMember(s, pc, "");
        expect(await page.locator("#action-status").getAttribute("data-status")).toBe("cancelled");

        await page.locator("#add-otp").click();
        await waitForKeycloakPage(page, PAGES.otpSetup);
        // Straight to the set-up, not the ⑧ panel, and not counted as a first-login step.
        await page.locator("#kc-totp-secret-qr-code").waitFor({ state: "visible" });
        expect(await page.locator("#kp-step").count()).toBe(0);
        await setUpOtp(s, pc, "新しいスマートフォン");
        await expectPortalMember(s, pc, "");
        expect(await page.locator("#action-status").getAttribute("data-status")).toBe("success");

        await addVirtualAuthenticator(page);
        await page.locator("#add-passkey").click();
        await waitForKeycloakPage(page, PAGES.passkeyRegister);
        await page.locator("#authenticatorLabel").waitFor({ state: "visible" });
        expect(await page.locator("#kp-step").count()).toBe(0);
        await registerPasskey(s, pc, "ノートパソコン", "");
        await expectPortalMember(s, pc, "");
        expect(await page.locator("#action-status").getAttribute("data-status")).toBe("success");
      } finally {
        await pc.close();
      }
      const state = await memberState(suite.realm, s.member.userId);
      const devices = state.credentials.filter((c) => c.type === CREDENTIAL_TYPE.otp || c.type?.startsWith("webauthn"));
      expect(devices).toEqual(
        expect.arrayContaining([
          { type: CREDENTIAL_TYPE.otp, label: "古いスマートフォン" },
          { type: CREDENTIAL_TYPE.otp, label: "新しいスマートフォン" },
          { type: CREDENTIAL_TYPE.passkey, label: "ノートパソコン" },
        ]),
      );
      expect(devices).toHaveLength(3);
    },
    E2E_TIMEOUT,
  );
});
