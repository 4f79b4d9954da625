import { hashPassword } from "../../members/password-hash.js";
import {
  cardMember,
  importMember,
  Journey,
  mailedCode,
  passEmailCheck,
  type TestRealm,
} from "../../journeys/http-journey.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { seededUser } from "../../journeys/seed.js";
import {
  EMAIL_ENTRY,
  FORM_ATTRIBUTE,
  FORM_FIELD,
  METHOD,
  PAGE,
  REALM_ATTRIBUTE,
  STAGE,
  USER_ATTRIBUTE,
} from "../../contracts/index.js";

/**
 * Two guards of the first login that stop a member before anything changes: an initial password past
 * the society's initialPasswordDays, and a register row without an email address (policies.memberEmailEntry).
 */
describe("first-login guards", () => {
  let realm: TestRealm;
  const HELP_DESK = "電話 03-0000-0000（平日 9:00〜17:00）";

  beforeAll(async () => {
    realm = await provisionTestRealm("guards", { helpDesk: HELP_DESK });
  });
  afterAll(() => realm.cleanup());

  async function importWithPasswordAge(userId: string, number: string, days: number) {
    const member = cardMember(userId, { number });
    const hashed = await hashPassword(member.initialPassword, { id: "argon2", iterations: 5 });
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: [
          seededUser({
            ...member,
            username: userId,
            password: { ...hashed, createdDate: Date.now() - days * 24 * 60 * 60 * 1000 },
            attributes: { [USER_ATTRIBUTE.stage]: [STAGE.initial] },
          }),
        ],
      },
    });
    return member;
  }

  test("an expired initial password is answered like a wrong one, and nothing moves on", async () => {
    expect(realm.config.policies.initialPasswordDays).toBe(90);
    const old = await importWithPasswordAge("expired.taro", "4100001", 91);
    const fresh = await importWithPasswordAge("fresh.taro", "4100002", 89);
    const expired = await (
      await new Journey(realm).open()
    ).post({ username: old.userId, password: old.initialPassword }, "login.ftl");
    const wrong = await (
      await new Journey(realm).open()
    ).post({ username: fresh.userId, password: "not-the-password" }, "login.ftl");
    expect(expired.message + expired.fieldError("username")).not.toBe("");
    expect(expired.message + expired.fieldError("username")).toBe(wrong.message + wrong.fieldError("username"));
    // The same login page again accepts a member with a valid initial password.
    await expired.post({ username: fresh.userId, password: fresh.initialPassword }, PAGE.birthdate);
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: old.userId, exact: true });
    expect(user?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.initial]);
  });

  test("no email address on file: ⑤ stops with the help desk's contact and changes nothing; allowed by the society: ⑤ goes on", async () => {
    const member = { ...cardMember("no.mail", { number: "4200001" }), email: undefined };
    await importMember(realm, member);
    const j = await (
      await new Journey(realm).open()
    ).post({ username: "no.mail", password: member.initialPassword }, PAGE.birthdate);
    await j.post({ [FORM_FIELD.birthdate]: "19801201" }, PAGE.terms);
    const termsAction = new URL(String(j.page.kcContext!.url.loginAction), j.page.url);
    await j.post({ [FORM_FIELD.accept]: "yes" }, "info.ftl");
    expect(j.message).toContain("メールアドレスが登録されていない");
    expect(j.message).toContain(HELP_DESK);
    // Posting ⑤ by hand (the step's own execution, from the admin API) changes nothing either.
    const rep = await realm.admin.realms.findOne({ realm: realm.config.realm });
    const executions = await realm.admin.authenticationManagement.getExecutions({
      realm: realm.config.realm,
      flow: rep!.browserFlow!,
    });
    const choice = executions.find((e) => e.displayName?.includes("method choice"));
    expect(choice?.id).toBeDefined();
    termsAction.searchParams.set("execution", choice!.id!);
    const direct = await j.browser.navigate(termsAction.toString(), {
      method: "POST",
      body: new URLSearchParams({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "squatter.id" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect("html" in direct).toBe(true);
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "no.mail", exact: true });
    expect(user?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.initial]);
    expect(user?.requiredActions ?? []).toEqual([]);
    expect(await realm.admin.users.find({ realm: realm.config.realm, username: "squatter.id", exact: true })).toEqual(
      [],
    );

    await realm.admin.realms.update(
      { realm: realm.config.realm },
      { attributes: { ...rep!.attributes, [REALM_ATTRIBUTE.memberEmailEntry]: "true" } },
    );
    const allowed = await (
      await new Journey(realm).open()
    ).post({ username: "no.mail", password: member.initialPassword }, PAGE.birthdate);
    await allowed.post({ [FORM_FIELD.birthdate]: "19801201" }, PAGE.terms);
    await allowed.post({ [FORM_FIELD.accept]: "yes" }, PAGE.methodChoice);
    await allowed.post({ [FORM_FIELD.method]: METHOD.otp }, PAGE.emailCode);
    // Asked for an address (weaker, documented): a malformed one is refused on the page.
    expect(allowed.page.kcContext?.[FORM_ATTRIBUTE.emailEntry]).toBe(EMAIL_ENTRY.ask);
    await allowed.post({ [FORM_FIELD.email]: "not an address" }, PAGE.emailCode);
    expect(allowed.fieldError(FORM_FIELD.email)).not.toBe("");
    // A first address, then another one: the code goes to the address typed last, and only that one is stored.
    await allowed.post({ [FORM_FIELD.email]: "First@Example.test" }, PAGE.emailCode);
    expect(allowed.page.kcContext?.[FORM_ATTRIBUTE.emailShown]).toBe("first@example.test");
    const firstCode = await mailedCode(realm.mailbox!, "first@example.test");
    await allowed.post({ [FORM_FIELD.changeEmail]: "1" }, PAGE.emailCode);
    await allowed.post({ [FORM_FIELD.email]: "second@example.test" }, PAGE.emailCode);
    await allowed.post({ [FORM_FIELD.emailCode]: firstCode }, PAGE.emailCode);
    expect(allowed.fieldError(FORM_FIELD.emailCode)).not.toBe("");
    let [pending] = await realm.admin.users.find({ realm: realm.config.realm, username: "no.mail", exact: true });
    expect(pending?.email).toBeUndefined();
    expect(pending?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.initial]);
    await passEmailCheck(allowed, realm.mailbox!, "second@example.test", "login-update-password.ftl");
    [pending] = await realm.admin.users.find({ realm: realm.config.realm, username: "no.mail", exact: true });
    expect(pending).toMatchObject({ email: "second@example.test", emailVerified: true });
    expect(pending?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.enrolling]);
  });
});
