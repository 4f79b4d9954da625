import { FORM_ATTRIBUTE, FORM_FIELD, METHOD, PAGE, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { freshCode, Journey } from "../../journeys/http-journey.js";
import { decodeJwt, HttpBrowser, isLoginForm } from "../../journeys/http-login.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { otpApp, otpCredential, seedMembers, seededUser } from "../../journeys/seed.js";
import { applyRealm, planRealm } from "../../realm-config/provision.js";

/**
 * Changed terms: the admin bumps termsVersion in the society file and provisions; an active member meets ④ again
 * at the next login, after the password and the OTP code (not a new first login), and only accepting lets them in.
 */
describe("terms re-consent: a new termsVersion sends active members through ④ once more", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  const SECRET = "TermsTestSecret-0123";
  const PASSWORD = "Kenpo-Terms-Pass-2026";
  const USER = "terms.taro";
  const totp = otpApp(SECRET);
  const used = new Set<string>();

  const member = async () =>
    (await realm.admin.users.find({ realm: realm.config.realm, username: USER, exact: true }))[0]!;

  /** Password, then the OTP code: the page after the factor. */
  const pastFactor = async (next: string, browser = new HttpBrowser()) => {
    const j = await new Journey(realm, {}, browser).open();
    expect(isLoginForm(j.page)).toBe(true);
    await j.post({ username: USER, password: PASSWORD }, "login-otp.ftl");
    return j.post({ otp: await freshCode(totp, used) }, next);
  };
  /** The browser of the first login, whose Keycloak session is still open when the terms change. */
  const withSession = new HttpBrowser();

  beforeAll(async () => {
    realm = await provisionTestRealm("terms", { termsVersion: "2026-04" });
    await seedMembers(
      realm.admin,
      realm.config.realm,
      [
        {
          username: USER,
          number: "7000001",
          password: PASSWORD,
          termsVersion: "2026-04",
          attributes: { [USER_ATTRIBUTE.stage]: [STAGE.active], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] },
          credentials: [otpCredential(SECRET)],
        },
      ].map((m) => seededUser(m)),
    );
  });
  afterAll(() => realm.cleanup());

  test("the current version accepted: password + OTP → portal, no ④", async () => {
    const j = await pastFactor("portal", withSession);
    expect(decodeJwt(j.tokens!.id_token).preferred_username).toBe(USER);
  });

  test("after provisioning a new version: ④ after the factor; declining keeps them out, accepting records it; then no ④", async () => {
    const bumped = { ...realm.config, termsVersion: "2026-10" };
    const plan = (await planRealm(realm.admin, bumped)).map((c) => `${c.section} ${c.target}`);
    expect(plan).toEqual(expect.arrayContaining(["flows browserFlow kenpo browser"]));
    await applyRealm(realm.admin, bumped);
    realm.config = bumped;

    // A session opened before the change lets its browser in without the forms, so without ④ …
    const bySession = new Journey(realm, {}, withSession);
    await bySession.follow(bySession.request.authUrl, "portal");
    expect(decodeJwt(bySession.tokens!.id_token).preferred_username).toBe(USER);
    // … until the realm's sessions are ended: then the login page, the factor and ④.
    await realm.admin.realms.logoutAll({ realm: realm.config.realm });
    const j = await pastFactor(PAGE.terms, withSession);
    // Not a step of the first login: the page is told so, and the served shell shows no first-login step.
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.pastFirstLogin]).toBe("true");
    expect(j.page.$("#kp-step").length).toBe(0);
    // Declining: the terms again with the reason, no code for the portal, nothing recorded.
    await j.post({ [FORM_FIELD.cancel]: "cancel" }, PAGE.terms);
    expect(j.message + j.fieldError(FORM_FIELD.accept)).not.toBe("");
    expect(j.tokens).toBeUndefined();
    expect((await member()).attributes?.[USER_ATTRIBUTE.termsVersion]).toEqual(["2026-04"]);

    await j.post({ [FORM_FIELD.accept]: "同意する" }, "portal");
    expect(decodeJwt(j.tokens!.id_token).preferred_username).toBe(USER);
    const accepted = await member();
    expect(accepted.attributes?.[USER_ATTRIBUTE.termsVersion]).toEqual(["2026-10"]);
    // Still an active member: re-consent is not a first login.
    expect(accepted.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.active]);

    const again = await pastFactor("portal");
    expect(decodeJwt(again.tokens!.id_token).preferred_username).toBe(USER);
  });
});
