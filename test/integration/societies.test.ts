import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { authorizationRequest, expectPage, HttpBrowser, isLoginForm, isPage } from "../../journeys/http-login.js";
import { testKeycloak } from "../../journeys/keycloak-env.js";
import { testAdmin, testConfig } from "../../journeys/realm.js";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { initialPassword } from "../../rules/initial-password.js";
import { REGISTER_HEADER, runCli } from "../support/kenpo-cli.js";

/**
 * Two societies on one Keycloak, provisioned by one command from a folder of their files: each has its
 * realm, its name on its pages, its members; nothing of one reaches the other.
 */
describe("several societies on one Keycloak", () => {
  const dir = mkdtempSync(join(tmpdir(), "kenpo-societies-"));
  const folder = join(dir, "societies");
  const societyA = testConfig("soc-a", {
    societyName: { ja: "甲健康保険組合", en: "Kou Health Insurance Society" },
    portalName: { ja: "甲健保 加入者ページ", en: "Kou member portal" },
    termsText: { ja: "<p>甲の規約</p>", en: "<p>Kou terms</p>" },
  });
  const societyB = testConfig("soc-b", {
    societyName: { ja: "乙健康保険組合", en: "Otsu Health Insurance Society" },
    portalName: { ja: "乙健保 加入者ページ", en: "Otsu member portal" },
    termsText: { ja: "<p>乙の規約</p>", en: "<p>Otsu terms</p>" },
    policies: { ...societyA.policies, maxLoginFailures: 3, passwordMinLength: 12 },
  });
  const cli = (args: string[]) => runCli(args, testKeycloak());
  let admin: Awaited<ReturnType<typeof testAdmin>>;

  async function loginPage(society: SocietyConfig) {
    const request = authorizationRequest(
      testKeycloak().url,
      society.realm,
      society.portalClients[0]!.clientId,
      "http://localhost:5173/cb",
    );
    const browser = new HttpBrowser();
    return { request, browser, page: expectPage(await browser.navigate(request.authUrl), "login page") };
  }

  /** The initial password lets the member past ② (to ③) in this society's realm. */
  async function passesLogin(society: SocietyConfig, username: string, password: string): Promise<boolean> {
    const { request, browser, page } = await loginPage(society);
    const next = await browser.submit(page, { username, password }, { stopAt: request.redirectUri });
    return !isPage(next) || !isLoginForm(next);
  }

  beforeAll(async () => {
    admin = await testAdmin();
    mkdirSync(folder);
    writeFileSync(join(folder, "a.yaml"), stringify(societyA));
    writeFileSync(join(folder, "b.yaml"), stringify(societyB));
  });
  afterAll(async () => {
    for (const realm of [societyA.realm, societyB.realm]) await admin.realms.del({ realm }).catch(() => undefined);
    admin.close();
  });

  test("provision --config FOLDER: one realm per society with its own names, terms, policies and client", async () => {
    const { stdout } = await cli(["provision", "--config", folder]);
    expect(stdout).toContain(`to realm ${societyA.realm}`);
    expect(stdout).toContain(`to realm ${societyB.realm}`);
    const [a, b] = await Promise.all([
      admin.realms.findOne({ realm: societyA.realm }),
      admin.realms.findOne({ realm: societyB.realm }),
    ]);
    expect([a?.displayName, b?.displayName]).toEqual(["甲健康保険組合", "乙健康保険組合"]);
    expect([a?.failureFactor, b?.failureFactor]).toEqual([societyA.policies.maxLoginFailures, 3]);
    expect(b?.passwordPolicy).toContain("length(12)");
    for (const s of [societyA, societyB]) {
      const clients = await admin.clients.find({ realm: s.realm, clientId: s.portalClients[0]!.clientId });
      expect(clients).toHaveLength(1);
    }
    // Both at once again: nothing to change in either.
    const again = await cli(["provision", "--config", join(folder, "a.yaml"), "--config", join(folder, "b.yaml")]);
    expect(again.stdout).toContain(`realm ${societyA.realm} is up to date`);
    expect(again.stdout).toContain(`realm ${societyB.realm} is up to date`);
  });

  test("each login page shows its own society, never the other's", async () => {
    for (const [own, other] of [
      [societyA, societyB],
      [societyB, societyA],
    ] as const) {
      const { page } = await loginPage(own);
      expect(page.html).toContain(own.societyName.ja);
      expect(page.html).not.toContain(other.societyName.ja);
    }
  });

  test("an import into A never touches B, and A's member cannot log in at B", async () => {
    const before = await admin.users.find({ realm: societyB.realm, max: 100 });
    const register = join(dir, "a-members.csv");
    writeFileSync(
      register,
      `${REGISTER_HEADER}\r\nkou.taro,12,7100001,,1980-12-01,甲野,太郎,kou.taro@example.test\r\n`,
    );
    await cli(["import-members", register, "--config", join(folder, "a.yaml")]);
    const after = await admin.users.find({ realm: societyB.realm, max: 100, briefRepresentation: false });
    expect(after).toEqual(before);
    expect(await admin.users.find({ realm: societyA.realm, username: "kou.taro", exact: true })).toHaveLength(1);

    const password = initialPassword({ symbol: "12", number: "7100001", birthdate: "1980-12-01" });
    expect(await passesLogin(societyB, "kou.taro", password)).toBe(false);
    expect(await passesLogin(societyA, "kou.taro", password)).toBe(true);
  });

  test("two files naming one realm: refused before either is written", async () => {
    const twin = join(dir, "twin.yaml");
    const fresh = testConfig("soc-c");
    writeFileSync(join(dir, "c.yaml"), stringify(fresh));
    writeFileSync(twin, stringify({ ...societyB, realm: fresh.realm }));
    await expect(cli(["provision", "--config", join(dir, "c.yaml"), "--config", twin])).rejects.toMatchObject({
      stderr: expect.stringContaining(`realm "${fresh.realm}" is also`),
    });
    expect(await admin.realms.findOne({ realm: fresh.realm })).toBeFalsy();
  });
});
