import { passkeyJourneyOnPhone } from "../../journeys/browser-journeys.js";
import { browserSuite, E2E_TIMEOUT, memberState, printCounts } from "../support/browser-suite.js";
import { CREDENTIAL_TYPE, METHOD, STAGE } from "../../contracts/index.js";

/** Journey 2: a member on a smartphone chooses biometrics (passkey), then logs in passwordless. */
describe("journey 2: smartphone, passkey", () => {
  const suite = browserSuite("e2e-passkey");

  test(
    "portal → initial password → ③–⑦ → ⑧ → passkey with a device name → portal; again without a password",
    async () => {
      const s = await suite.newMember("journey 2 (smartphone, passkey)");
      const result = await passkeyJourneyOnPhone(suite.browser, s, "iPhone（テスト）");

      expect(result.shown).toEqual({ name: `${s.member.lastName} ${s.member.firstName}`, userId: s.member.userId });
      const state = await memberState(suite.realm, s.member.userId);
      expect(state.credentials).toEqual(
        expect.arrayContaining([{ type: CREDENTIAL_TYPE.passkey, label: "iPhone（テスト）" }]),
      );
      expect(state.stage).toBe(STAGE.active);
      // The phone holds one discoverable passkey for this realm's site.
      expect(result.passkeysOnPhone).toHaveLength(1);
      expect(result.passkeysOnPhone[0]).toMatchObject({
        isResidentCredential: true,
        rpId: new URL(suite.realm.keycloakUrl).hostname,
      });
      expect(state.method).toBe(METHOD.passkey);
      // The returning login typed no password.
      const returning = result.journey.inputs.filter((input) => input.screen > result.firstLogin.screens);
      expect(returning.some((input) => input.what.includes("パスワード"))).toBe(false);
      expect(returning.some((input) => input.kind === "biometric")).toBe(true);

      printCounts("journey 2 first login (smartphone, passkey)", result.firstLogin);
      printCounts("journey 2 first login + logout + returning login", {
        screens: result.journey.screens.length,
        pageLoads: result.journey.pageLoads,
        inputs: result.journey.inputs.length,
      });
      process.stdout.write(`${result.journey.summary()}\n`);
    },
    E2E_TIMEOUT,
  );
});
