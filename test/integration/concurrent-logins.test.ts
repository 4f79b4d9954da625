import { cardMember, importMember, Journey, mailedCode, type TestRealm } from "../../journeys/http-journey.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { FORM_FIELD, METHOD, PAGE, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";

/**
 * Many members in the first login at the same moment. Keycloak runs all JavaScript authenticators
 * in one shared script engine and swaps its globals per call; with a different script per step, a
 * member posting ③ was sometimes answered by another step (seen in bench:login as ⑤ instead of ④).
 * Every member must see ③ → ④ → ⑤ → ⑥ in order, however the calls interleave.
 */
const MEMBERS = 24;
const ROUNDS = 5;

describe("concurrent first logins", () => {
  let realm: TestRealm;

  beforeAll(async () => {
    realm = await provisionTestRealm("concurrent");
    for (let i = 0; i < MEMBERS; i += 1) await importMember(realm, cardMember(`rush${i}`));
  });
  afterAll(async () => {
    await realm.cleanup();
  });

  test(`${MEMBERS} members at once, ${ROUNDS} times: each sees its own next step`, async () => {
    const wrong: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const results = await Promise.allSettled(
        Array.from({ length: MEMBERS }, async (_, i) => {
          const member = cardMember(`rush${i}`);
          const j = await (
            await new Journey(realm).open()
          ).post({ username: member.userId, password: member.initialPassword }, PAGE.birthdate);
          await j.post({ [FORM_FIELD.birthdate]: "19801201" }, PAGE.terms);
          await j.post({ [FORM_FIELD.accept]: "accept" }, PAGE.methodChoice);
          await j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "" }, PAGE.emailCode);
          // This round's code mail (one per member and round).
          const code = await mailedCode(realm.mailbox!, member.email!, round + 1);
          await j.post({ [FORM_FIELD.emailCode]: code }, "login-update-password.ftl");
        }),
      );
      for (const [i, r] of results.entries()) {
        if (r.status === "rejected") wrong.push(`round ${round + 1}, rush${i}: ${String(r.reason).split("\n")[0]}`);
      }
      // Back to the start of the journey for the next round (the email check moved them on).
      for (let i = 0; i < MEMBERS; i += 1) {
        const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: `rush${i}`, exact: true });
        await realm.admin.users.update(
          { realm: realm.config.realm, id: user!.id! },
          {
            ...user,
            attributes: { ...user!.attributes, [USER_ATTRIBUTE.stage]: [STAGE.initial] },
            emailVerified: false,
            requiredActions: [],
          },
        );
      }
    }
    expect(wrong).toEqual([]);
  });
});
