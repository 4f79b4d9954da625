import { addVirtualAuthenticator, openDevice, waitForKeycloakPage } from "../../journeys/browser.js";
import {
  expectPortalMember,
  firstLoginDone,
  firstLoginUpToPassword,
  PAGES,
  registerPasskey,
} from "../../journeys/browser-journeys.js";
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
        await firstLoginDone(s, phone, METHOD.passkey, "here");

        await authenticator.setUserVerified(false);
        await registerPasskey(s, phone, "iPhone（テスト）");
        await waitForKeycloakPage(phone.page, PAGES.passkeyError);
        const retry = phone.page.locator("#kc-try-again");
        await retry.waitFor({ state: "visible" });
        expect(await retry.innerText()).toContain("再試行");
        await s.journey.screen(
          phone.page,
          "",
          {
            ja: "生体認証でエラーが出たときは「再試行」を押します。",
            en: "If the biometric check fails, press Retry.",
          },
          phone.kind,
        );
        expect(await authenticator.credentials()).toHaveLength(0);

        await authenticator.setUserVerified(true);
        await s.journey.tap(retry, "再試行");
        await registerPasskey(s, phone, "iPhone（テスト）", "⑫");
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
