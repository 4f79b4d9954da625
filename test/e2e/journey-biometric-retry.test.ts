import { addVirtualAuthenticator, openDevice } from "../../journeys/browser.js";
import { expectPortalMember, firstLoginUpToPassword } from "../../journeys/browser-journeys.js";
import { biometricRetry } from "../../journeys/troubleshooting.js";
import { browserSuite, E2E_TIMEOUT, memberState } from "../support/browser-suite.js";
import { CREDENTIAL_TYPE, METHOD } from "../../contracts/index.js";

/** Journey 4: the face/fingerprint check fails → 再試行 → the retry succeeds. */
describe("journey 4: failed biometric check, retry", () => {
  const suite = browserSuite("e2e-retry");

  test(
    "user verification fails at passkey registration → error page with 再試行 → success",
    async () => {
      const s = await suite.newMember("journey 4 (biometric retry)");
      const phone = await openDevice(suite.browser, "iphone");
      try {
        const authenticator = await addVirtualAuthenticator(phone.page);
        await firstLoginUpToPassword(s, phone, METHOD.passkey);
        const { retryLabel, passkeysAfterFailure } = await biometricRetry(s, phone, authenticator, "iPhone（テスト）");
        expect(retryLabel).toContain("再試行");
        expect(passkeysAfterFailure).toBe(0);
        await expectPortalMember(s, phone);
        expect(await authenticator.credentials()).toHaveLength(1);
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
