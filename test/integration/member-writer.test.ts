import { writeMembers, type ImportMember } from "../../members/keycloak-writer.js";
import {
  authorizationRequest,
  HttpBrowser,
  expectPage,
  isLoginForm,
  isPage,
  pageId,
  summarize,
} from "../../journeys/http-login.js";
import { testKeycloak } from "../../journeys/keycloak-env.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";

// The English texts are asserted, whatever the machine's locale.
process.env.LC_ALL = "C.UTF-8";

function member(i: number, overrides: Partial<ImportMember> = {}): ImportMember {
  const symbol = String(10 + (i % 80));
  const number = String(3_000_000 + i).padStart(7, "0");
  const birthdate = `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`;
  return {
    line: i + 2,
    userId: `member${String(i).padStart(4, "0")}`,
    symbol,
    number,
    birthdate,
    lastName: "山田",
    firstName: `太郎${i}`,
    email: `member${i}@example.test`,
    initialPassword: `${symbol}${number}${birthdate.replaceAll("-", "")}`,
    ...overrides,
  };
}

/**
 * The password was accepted when Keycloak moves past the login page: to the client, or to the member's
 * next step (③ at the initial stage; a later one, whatever the flow asks, for a member past ⑤).
 */
async function passwordAccepted(realm: string, username: string, password: string): Promise<boolean> {
  const request = authorizationRequest(testKeycloak().url, realm, "member-portal", "http://localhost:5173/callback");
  const browser = new HttpBrowser();
  const login = expectPage(await browser.navigate(request.authUrl), "the login page");
  const next = await browser.submit(login, { username, password }, { stopAt: request.redirectUri });
  if (!isPage(next)) return true;
  if (isLoginForm(next)) return false;
  if (["error.ftl", "login-page-expired.ftl"].includes(pageId(next)))
    throw new Error(`unexpected page after login:\n${summarize(next)}`);
  return true;
}

describe("writing members into Keycloak", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  const members = Array.from({ length: 45 }, (_, i) => member(i));

  beforeAll(async () => {
    realm = await provisionTestRealm("writer");
  });
  afterAll(() => realm.cleanup());

  test("dry run plans creations and writes nothing", async () => {
    const report = await writeMembers(members, { admin: realm.admin, realm: realm.config.realm, dryRun: true });
    expect(report.plan?.create).toHaveLength(45);
    expect(await realm.admin.users.count({ realm: realm.config.realm })).toBe(0);
  });

  test("creates members in batches with their card data, the initial stage and a working initial password", async () => {
    const progress: number[] = [];
    const report = await writeMembers(members, {
      admin: realm.admin,
      realm: realm.config.realm,
      batchSize: 20,
      onProgress: (p) => progress.push(p.processed),
    });
    expect(report).toMatchObject({ created: 45, skipped: 0, batches: 3 });
    expect(progress.at(-1)).toBe(45);
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "member0007", exact: true });
    expect(user?.attributes).toMatchObject({
      [USER_ATTRIBUTE.symbol]: ["17"],
      [USER_ATTRIBUTE.number]: ["3000007"],
      [USER_ATTRIBUTE.birthdate]: ["1957-08-17"],
      [USER_ATTRIBUTE.stage]: [STAGE.initial],
    });
    expect(user?.lastName).toBe("山田");
    expect(await passwordAccepted(realm.config.realm, "MEMBER0007", members[7]!.initialPassword)).toBe(true);
    expect(await passwordAccepted(realm.config.realm, "member0007", "wrong-password-1")).toBe(false);
  });

  test("imported members hold the realm's default roles (the account console needs them)", async () => {
    const realmRep = await realm.admin.realms.findOne({ realm: realm.config.realm });
    const defaultRole = realmRep!.defaultRole!;
    expect(defaultRole.name).toBe(`default-roles-${realm.config.realm}`);
    const defaults = (
      await realm.admin.roles.getCompositeRolesForRealm({ realm: realm.config.realm, id: defaultRole.id! })
    )
      .map((r) => r.name)
      .sort();
    expect(defaults).toEqual(expect.arrayContaining(["uma_authorization"]));
    // Provisioning takes offline_access out of the default roles: no member gets an offline token.
    expect(defaults).not.toContain("offline_access");
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "member0011", exact: true });
    const direct = (await realm.admin.users.listRealmRoleMappings({ realm: realm.config.realm, id: user!.id! })).map(
      (r) => r.name,
    );
    expect(direct).toEqual([defaultRole.name]);
    const effective = (
      await realm.admin.users.listCompositeRealmRoleMappings({ realm: realm.config.realm, id: user!.id! })
    ).map((r) => r.name);
    expect(effective).toEqual(expect.arrayContaining([defaultRole.name, ...defaults]));
  });

  test("a re-run creates nothing and never resets a member who changed the password", async () => {
    const [finished] = await realm.admin.users.find({ realm: realm.config.realm, username: "member0003", exact: true });
    await realm.admin.users.resetPassword({
      realm: realm.config.realm,
      id: finished!.id!,
      credential: { type: "password", value: "Own-Password-2026", temporary: false },
    });
    await realm.admin.users.update(
      { realm: realm.config.realm, id: finished!.id! },
      { ...finished, attributes: { ...finished!.attributes, [USER_ATTRIBUTE.stage]: [STAGE.enrolling] } },
    );

    const changed = members.map((m) => (m.userId === "member0003" ? { ...m, firstName: "三郎" } : m));
    const report = await writeMembers(changed, { admin: realm.admin, realm: realm.config.realm });
    expect(report).toMatchObject({ created: 0, updated: 0, skipped: 45 });
    const [after] = await realm.admin.users.find({ realm: realm.config.realm, username: "member0003", exact: true });
    expect(after?.firstName).toBe("太郎3");

    const updating = await writeMembers(changed, {
      admin: realm.admin,
      realm: realm.config.realm,
      updateProfile: true,
    });
    expect(updating).toMatchObject({ created: 0, updated: 1, skipped: 44 });
    const [updated] = await realm.admin.users.find({ realm: realm.config.realm, username: "member0003", exact: true });
    expect(updated?.firstName).toBe("三郎");
    expect(await passwordAccepted(realm.config.realm, "member0003", "Own-Password-2026")).toBe(true);
    expect(await passwordAccepted(realm.config.realm, "member0003", members[3]!.initialPassword)).toBe(false);
  });

  test("--update-profile on a member still at the initial password: a new name keeps it, a corrected birthdate re-derives it", async () => {
    // Keycloak's password history refuses setting the current password again; the import must not trip on it.
    const renamed = [{ ...members[5]!, lastName: "佐藤" }];
    expect(
      await writeMembers(renamed, { admin: realm.admin, realm: realm.config.realm, updateProfile: true }),
    ).toMatchObject({ updated: 1, conflicts: [] });
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "member0005", exact: true });
    expect(user?.lastName).toBe("佐藤");
    expect(await passwordAccepted(realm.config.realm, "member0005", members[5]!.initialPassword)).toBe(true);

    const corrected = { ...member(5, { birthdate: "1961-02-03" }), lastName: "佐藤" };
    corrected.initialPassword = `${corrected.symbol}${corrected.number}19610203`;
    expect(
      await writeMembers([corrected], { admin: realm.admin, realm: realm.config.realm, updateProfile: true }),
    ).toMatchObject({ updated: 1 });
    expect(await passwordAccepted(realm.config.realm, "member0005", corrected.initialPassword)).toBe(true);
    expect(await passwordAccepted(realm.config.realm, "member0005", members[5]!.initialPassword)).toBe(false);
  });

  test("members missing after an interrupted run are added, the rest skipped", async () => {
    const more = [...members, ...Array.from({ length: 5 }, (_, i) => member(100 + i))];
    const report = await writeMembers(more, { admin: realm.admin, realm: realm.config.realm, batchSize: 20 });
    expect(report).toMatchObject({ created: 5, skipped: 45 });
    expect(await realm.admin.users.count({ realm: realm.config.realm })).toBe(50);
  });

  test("a register saved between the plan and the writes: the row planned from other content is not written", async () => {
    const planned = [member(200), member(201)];
    const saved = [member(200), member(201, { number: "3999999", initialPassword: "12399999919511111" })];
    let reads = 0;
    const write = writeMembers(() => (reads++ === 0 ? planned : saved), {
      admin: realm.admin,
      realm: realm.config.realm,
      batchSize: 1,
    });
    await expect(write).rejects.toThrow("the register changed between planning and writing (at line 203)");
    // The row before it went out in its own batch, which the error waits for; the edited row never did.
    const written = async (username: string) =>
      (await realm.admin.users.find({ realm: realm.config.realm, username, exact: true })).length;
    expect([await written("member0200"), await written("member0201")]).toEqual([1, 0]);
  });

  test("a register cut short between the plan and the writes: its last batch is not written", async () => {
    const planned = [member(300), member(301), member(302)];
    let reads = 0;
    const write = writeMembers(() => (reads++ === 0 ? planned : planned.slice(0, 2)), {
      admin: realm.admin,
      realm: realm.config.realm,
      batchSize: 10,
    });
    await expect(write).rejects.toThrow("(3 rows planned, 2 read)");
    const found = await realm.admin.users.find({ realm: realm.config.realm, search: "member03" });
    expect(found).toEqual([]);
  });
});
