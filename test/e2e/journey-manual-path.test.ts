import { openDevice, addVirtualAuthenticator } from "../../journeys/browser.js";
import {
  expectPortalMember,
  firstLoginDone,
  firstLoginUpToPassword,
  logInWithPassword,
  openPortal,
  registerPasskey,
} from "../../journeys/browser-journeys.js";
import { browserSuite, E2E_TIMEOUT, memberState, printCounts } from "../support/browser-suite.js";
import { CREDENTIAL_TYPE, METHOD, STAGE } from "../../contracts/index.js";

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
      const pc = await openDevice(suite.browser, "pc");
      let portalFromQr: string | undefined;
      try {
        await firstLoginUpToPassword(s, pc, METHOD.passkey);
        portalFromQr = await firstLoginDone(s, pc, METHOD.passkey, "phone");
      } finally {
        await pc.close();
      }
      // The QR code on ⑧ opens the society's portal.
      expect(portalFromQr).toBe(suite.realm.portal.url);
      const halfway = await memberState(suite.realm, s.member.userId);
      expect(halfway.stage).toBe(STAGE.enrolling);
      expect(halfway.credentials.map((c) => c.type)).not.toContain(CREDENTIAL_TYPE.passkey);

      const phone = await openDevice(suite.browser, "android");
      try {
        await addVirtualAuthenticator(phone.page);
        await openPortal(s, phone, "⑨");
        await logInWithPassword(s, phone, { step: "⑨" });
        // Steps ③–⑦ are done: the login goes straight back to ⑧ and the passkey set-up.
        await firstLoginDone(s, phone, METHOD.passkey, "here");
        await registerPasskey(s, phone, "Pixel（テスト）");
        const shown = await expectPortalMember(s, phone);
        expect(shown.userId).toBe(s.member.userId);
      } finally {
        await phone.close();
      }
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
