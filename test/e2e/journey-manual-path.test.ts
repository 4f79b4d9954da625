import { passkeyPcThenPhone } from "../../journeys/troubleshooting.js";
import { browserSuite, E2E_TIMEOUT, memberState, printCounts } from "../support/browser-suite.js";
import { CREDENTIAL_TYPE, STAGE } from "../../contracts/index.js";

/**
 * Journey 3, the paper manual's path: first login on the PC up to ⑧, leave there, and finish the
 * passkey enrolment on the phone at the next login.
 */
describe("journey 3: the manual's path (⑧ on the PC, passkey on the phone)", () => {
  const suite = browserSuite("e2e-manual");

  test(
    "PC: ②–⑦, ⑧ → continue on the phone; phone: portal → login → enrolment resumes → passkey → portal",
    async () => {
      const s = await suite.newMember("journey 3 (manual's path)");
      const { portalFromQr, shown } = await passkeyPcThenPhone(suite.browser, s, "Pixel（テスト）", async () => {
        const halfway = await memberState(suite.realm, s.member.userId);
        expect(halfway.stage).toBe(STAGE.enrolling);
        expect(halfway.credentials.map((c) => c.type)).not.toContain(CREDENTIAL_TYPE.passkey);
      });
      // The QR code on ⑧ opens the society's portal.
      expect(portalFromQr).toBe(suite.realm.portal.url);
      expect(shown.userId).toBe(s.member.userId);
      const done = await memberState(suite.realm, s.member.userId);
      expect(done.credentials).toEqual(
        expect.arrayContaining([{ type: CREDENTIAL_TYPE.passkey, label: "Pixel（テスト）" }]),
      );
      // No page of ③–⑦ was shown twice.
      const steps = s.journey.screens.map((x) => x.step).filter((step) => ["③", "④", "⑤", "⑥"].includes(step));
      expect(steps).toEqual(["③", "④", "⑤", "⑥"]);

      printCounts("journey 3 (manual's path, PC then phone)", {
        screens: s.journey.screens.length,
        pageLoads: s.journey.pageLoads,
        inputs: s.journey.inputs.length,
      });
      process.stdout.write(`${s.journey.summary()}\n`);
    },
    E2E_TIMEOUT,
  );
});
