import { setTimeout as sleep } from "node:timers/promises";
import { EXIT_CODE, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { passwordAccepted } from "../../journeys/http-login.js";
import { testKeycloak } from "../../journeys/keycloak-env.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { otpCredential, seedMembers, seededUser } from "../../journeys/seed.js";
import { SocietyCli } from "../support/kenpo-cli.js";

describe("kenpo unlock lifts a member's lock and nothing else", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  const society = new SocietyCli();
  const cli = (args: string[]) => society.run(args);
  const login = (password: string) =>
    passwordAccepted(testKeycloak().url, realm.config.realm, "locked.member", password);
  const find = async () =>
    (await realm.admin.users.find({ realm: realm.config.realm, username: "locked.member", exact: true }))[0]!;

  beforeAll(async () => {
    realm = await provisionTestRealm("unlock");
    society.write(realm.config);
    await seedMembers(
      realm.admin,
      realm.config.realm,
      [
        {
          username: "locked.member",
          number: "5100001",
          password: "Own-Password-2026",
          attributes: { [USER_ATTRIBUTE.stage]: [STAGE.active] },
          credentials: [otpCredential("secret-unlock", "iPhone 15")],
        },
      ].map((m) => seededUser(m)),
    );
  });
  afterAll(() => realm.cleanup());

  test("locked by wrong passwords, unlocked: the right password works at once; password, devices and profile untouched", async () => {
    const notLocked = await cli(["unlock", "locked.member"]);
    expect(notLocked.stdout).toBe("locked.member: was not locked; nothing else changed\n");

    for (let i = 0; i < realm.config.policies.maxLoginFailures; i += 1) {
      // Keycloak's quick-login check locks on two failures within a second; this test wants the counted lock.
      await sleep(1100);
      expect(await login("wrong-password")).toBe(false);
    }
    const user = await find();
    expect(await realm.admin.attackDetection.findOne({ realm: realm.config.realm, id: user.id! })).toMatchObject({
      disabled: true,
    });
    await sleep(1100);
    expect(await login("Own-Password-2026")).toBe(false);
    const credentialsBefore = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user.id! });

    const unlocked = await cli(["unlock", "LOCKED.MEMBER"]);
    expect(unlocked.stdout).toBe(
      "locked.member: unlocked; the member can log in again now (password, devices and stage unchanged)\n",
    );
    expect(await realm.admin.attackDetection.findOne({ realm: realm.config.realm, id: user.id! })).toMatchObject({
      disabled: false,
      numFailures: 0,
    });
    const after = await find();
    expect(after).toEqual(user);
    const credentialsAfter = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user.id! });
    expect(credentialsAfter).toEqual(credentialsBefore);
    expect(credentialsAfter.map((c) => c.userLabel ?? c.type).sort()).toEqual(["iPhone 15", "password"]);
    expect(await login("Own-Password-2026")).toBe(true);
    // Not a reset: the initial password (記号 12 + 番号 + 生年月日) stays refused.
    await sleep(1100);
    expect(await login("12510000119801201")).toBe(false);
  });

  test("an unknown user ID is refused by name with its own exit code", async () => {
    await expect(cli(["unlock", "nobody"])).rejects.toMatchObject({
      code: EXIT_CODE.unknownMember,
      stderr: expect.stringContaining('no member with user ID "nobody"'),
    });
  });
});
