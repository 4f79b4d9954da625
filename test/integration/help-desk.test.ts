import { EXIT_CODE, METHOD, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { Journey } from "../../journeys/http-journey.js";
import { SocietyCli } from "../support/kenpo-cli.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { otpApp, otpCredential, seededUser } from "../../journeys/seed.js";
import type { MemberEvents, MemberView } from "../../members/help-desk.js";

/**
 * `kenpo member` and `kenpo events` against a real Keycloak: a member who logged in with password +
 * OTP, then typed wrong passwords until locked; what the help desk reads is what Keycloak stored.
 */

const PASSWORD = "Help-Desk-Pass-2026";
const SECRET = "HelpDeskSecret-0123";

describe("help-desk look-ups against Keycloak", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  const society = new SocietyCli();
  const cli = (args: string[]) => society.run(args);
  const wrongPassword = async () => {
    const j = await new Journey(realm).open();
    await j.post({ username: "hanako.help", password: "Wrong-Pass-2026" }, "login.ftl");
    // Keycloak's quick-login check locks after two failures within 1 s.
    await new Promise((r) => setTimeout(r, 1100));
  };

  beforeAll(async () => {
    realm = await provisionTestRealm("helpdesk");
    society.write(realm.config);
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: [
          seededUser({
            username: "hanako.help",
            number: "7345678",
            password: PASSWORD,
            attributes: {
              [USER_ATTRIBUTE.stage]: [STAGE.active],
              [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp],
              [USER_ATTRIBUTE.personNumber]: ["K-000123"],
            },
            credentials: [otpCredential(SECRET, "iPhone 15"), otpCredential(`${SECRET}-2`, "仕事用 Pixel")],
          }),
        ],
      },
    });
  });
  afterAll(() => realm.cleanup());

  test("member: stage, devices by name, last logins, lock state; card masked", async () => {
    const journey = await new Journey(realm).open();
    await journey.post({ username: "hanako.help", password: PASSWORD }, "login-otp.ftl");
    await journey.post({ otp: otpApp(SECRET).generate() }, "portal");
    await wrongPassword();

    const view = JSON.parse((await cli(["member", "HANAKO.HELP", "--json"])).stdout) as MemberView;
    expect(view).toMatchObject({
      userId: "hanako.help",
      enabled: true,
      stage: STAGE.active,
      effectiveStage: STAGE.active,
      method: METHOD.otp,
      card: "記号 12 番号 73***78",
      personNumber: "個人番号 K-****23",
      eventsStored: true,
      lock: { locked: false, failures: 1 },
    });
    expect(view.devices.map((d) => `${d.kind} ${d.name}`).sort()).toEqual(["otp iPhone 15", "otp 仕事用 Pixel"]);
    expect(view.lastLogins.map((e) => e.type)).toEqual(["LOGIN_ERROR", "LOGIN"]);
    expect(view.lastLogins[1]).toMatchObject({ client: realm.config.portalClients[0]!.clientId });
    expect(view.lastLogins[0]?.error).toBe("invalid_user_credentials");
    expect(JSON.stringify(view)).not.toContain("7345678");
    expect(JSON.stringify(view)).not.toContain("K-000123");

    for (let i = 1; i < realm.config.policies.maxLoginFailures; i += 1) await wrongPassword();
    const text = (await cli(["member", "hanako.help"])).stdout;
    expect(text).toContain("hanako.help: enabled");
    expect(text).toContain(`LOCKED after ${realm.config.policies.maxLoginFailures} wrong answer(s)`);
    expect(text).toContain('otp "iPhone 15"');
    expect(text).toMatch(
      /\n {4}\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC {2}LOGIN_ERROR {2}member-portal {2}.*error=invalid_user_credentials/,
    );
    expect(text).not.toContain("7345678");
  });

  test("events: the member's stored events since a day, newest first; a bad date or user ID is a clear error", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const result = JSON.parse(
      (await cli(["events", "hanako.help", "--since", today, "--json"])).stdout,
    ) as MemberEvents;
    expect(result).toMatchObject({ userId: "hanako.help", since: today, eventsStored: true });
    const types = result.events.map((e) => e.type);
    expect(types).toContain("LOGIN");
    expect(types.filter((t) => t === "LOGIN_ERROR").length).toBeGreaterThanOrEqual(
      realm.config.policies.maxLoginFailures,
    );
    const times = result.events.map((e) => e.time);
    expect([...times].sort().reverse()).toEqual(times);
    const future = JSON.parse(
      (await cli(["events", "hanako.help", "--since", "2099-01-01", "--json"])).stdout,
    ) as MemberEvents;
    expect(future.events).toEqual([]);

    await expect(cli(["events", "hanako.help", "--since", "2026-02-30"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("--since 2026-02-30: use a date as YYYY-MM-DD"),
    });
    await expect(cli(["member", "nobody.here"])).rejects.toMatchObject({
      code: EXIT_CODE.unknownMember,
      stderr: expect.stringContaining('no member with user ID "nobody.here"'),
    });
  });
});
