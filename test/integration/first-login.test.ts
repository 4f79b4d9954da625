import { startMailbox, type Mailbox } from "../support/mailbox.js";
import { cardMember, freshCode, importMember, Journey, totpFromPage, verificationLink, type TestRealm } from "../support/journey.js";
import { decodeJwt } from "../support/http-login.js";
import { provisionTestRealm } from "../support/realm.js";

/** The first-login journey of the member manual, driven over HTTP against the real Keycloak and flows. */
describe("first login: ② → ③ → ④ → ⑤ → ⑥ → ⑦ → ⑧/⑭ → portal", () => {
  let realm: TestRealm;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
    realm = await provisionTestRealm("journey", {
      smtp: { host: "127.0.0.1", port: mailbox.port, from: "no-reply@kenpo.test", ssl: false, starttls: false },
    });
  });
  afterAll(async () => {
    await realm.cleanup();
    await mailbox.close();
  });

  test("OTP journey from the import to a token, then a returning login with password + OTP", async () => {
    const member = cardMember("otp.taro");
    await importMember(realm, member);
    const used = new Set<string>();

    const j = await (await new Journey(realm).open()).post({ username: "OTP.TARO", password: member.initialPassword }, "login-birthdate.ftl");
    await j.post({ birthdate: "19801201" }, "terms.ftl");
    await j.post({ accept: "同意する" }, "login-method-choice.ftl");
    await j.post({ method: "otp", newUserId: "" }, "login-update-password.ftl");
    // ⑥ The initial password is refused as the new one.
    await j.post({ "password-new": member.initialPassword, "password-confirm": member.initialPassword }, "login-update-password.ftl");
    expect(j.message + j.fieldError("password")).not.toBe("");
    await j.post({ "password-new": "Kenpo-New-Pass-2026", "password-confirm": "Kenpo-New-Pass-2026" }, "login-verify-email.ftl");
    // ⑦ The verification mail reaches the member's address; its link continues the journey.
    await j.follow(await verificationLink(mailbox, member.email!), "login-config-totp.ftl");
    const { secret, totp } = totpFromPage(j.page);
    await j.post({ totp: await freshCode(totp, used), totpSecret: secret, userLabel: "iPhone 15", mode: "manual" }, "portal");
    expect(decodeJwt(j.tokens!.id_token).preferred_username).toBe("otp.taro");

    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "otp.taro", exact: true });
    expect(user?.attributes?.kenpoMfaMethod).toEqual(["otp"]);
    const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user!.id! });
    expect(credentials.find((c) => c.type === "otp")?.userLabel).toBe("iPhone 15");

    const again = await (await new Journey(realm).open()).post({ username: "otp.taro", password: "Kenpo-New-Pass-2026" }, "login-otp.ftl");
    await again.post({ otp: await freshCode(totp, used) }, "portal");
    const [active] = await realm.admin.users.find({ realm: realm.config.realm, username: "otp.taro", exact: true });
    expect(active?.attributes?.kenpoStage).toEqual(["active"]);
  });
});
