import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { repoRoot } from "../../scripts/keycloak/paths.js";
import { authorizationRequest, expectPage, HttpBrowser, isLoginForm, isPage } from "../support/http-login.js";
import { testKeycloak } from "../support/keycloak-env.js";
import { memberRegister, REGISTER_HEADER } from "../support/kenpo-cli.js";
import { provisionTestRealm } from "../support/realm.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "kenpo-import-"));

describe("kenpo import-members and reset-password against Keycloak", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  let configFile: string;
  const env = () => ({ ...process.env, KENPO_ADMIN_USER: testKeycloak().adminUser, KENPO_ADMIN_PASSWORD: testKeycloak().adminPassword });
  const cli = (args: string[]) => run("npx", ["tsx", "scripts/cli.ts", ...args, "--config", configFile], { cwd: repoRoot, env: env() });
  const users = async () => (await realm.admin.users.find({ realm: realm.config.realm, max: 5000, briefRepresentation: true })).map((u) => u.username!);

  async function loginPasses(username: string, password: string): Promise<boolean> {
    const request = authorizationRequest(testKeycloak().url, realm.config.realm, "member-portal", "http://localhost:5173/cb");
    const browser = new HttpBrowser();
    const page = expectPage(await browser.navigate(request.authUrl), "login page");
    const next = await browser.submit(page, { username, password }, { stopAt: request.redirectUri });
    return !isPage(next) || !isLoginForm(next);
  }

  beforeAll(async () => {
    realm = await provisionTestRealm("import");
    configFile = join(dir, "society.yaml");
    writeFileSync(configFile, stringify(realm.config));
  });
  afterAll(() => realm.cleanup());

  test("a file with an invalid row writes nothing unless --skip-invalid", async () => {
    const file = join(dir, "mixed.csv");
    writeFileSync(file, `${REGISTER_HEADER}\nok.member,1,1,,1980-01-01,a,b,\nbad.member,1,1,,1980-02-30,a,b,\n`);
    await expect(cli(["import-members", file])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("nothing was written") });
    expect(await users()).toEqual([]);
    const dry = await cli(["import-members", file, "--skip-invalid", "--dry-run", "--report", "json"]);
    expect(JSON.parse(dry.stdout)).toMatchObject({ invalid: 1, created: 1, dryRun: true, plan: { create: ["ok.member"] } });
    expect(await users()).toEqual([]);
    const real = await cli(["import-members", file, "--skip-invalid", "--report", "json"]);
    expect(JSON.parse(real.stdout)).toMatchObject({ invalid: 1, created: 1 });
    expect(await users()).toEqual(["ok.member"]);
  });

  test("killed half-way, the same command finishes the job without duplicates or gaps", async () => {
    const file = join(dir, "big.csv");
    writeFileSync(file, memberRegister(400));
    const child = spawn("npx", ["tsx", "scripts/cli.ts", "import-members", file, "--batch-size", "25", "--config", configFile], { cwd: repoRoot, env: env(), detached: true, stdio: "ignore" });
    // Kill once some, but not all, batches are in.
    for (;;) {
      const count = (await users()).length;
      if (count > 1 + 50) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const partial = (await users()).length - 1;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(400);

    const resumed = JSON.parse((await cli(["import-members", file, "--report", "json"])).stdout);
    expect(resumed.created + resumed.skipped).toBe(400);
    expect(resumed.skipped).toBeGreaterThanOrEqual(partial);
    const all = (await users()).filter((u) => u.startsWith("member"));
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(Array.from({ length: 400 }, (_, i) => `member${i}`).sort());

    const again = JSON.parse((await cli(["import-members", file, "--report", "json"])).stdout);
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 400 });
  });

  test("an imported member logs in with the initial password, typing the user ID in upper case", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/cli.ts", "initial-password", "--symbol", "17", "--number", "0000007", "--birthdate", "S47.8.8"], { cwd: repoRoot });
    expect(await loginPasses("MEMBER7", stdout.trim())).toBe(true);
  });

  test("reset-password puts a member back to the initial password; --remove-mfa lists and removes the devices", async () => {
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "member8", exact: true });
    const id = user!.id!;
    await realm.admin.users.resetPassword({ realm: realm.config.realm, id, credential: { type: "password", value: "Changed-Pass-2026", temporary: false } });
    await realm.admin.users.update({ realm: realm.config.realm, id }, { ...user, attributes: { ...user!.attributes, kenpoStage: ["active"], kenpoMfaMethod: ["otp"] } });
    const initial = (await run("npx", ["tsx", "scripts/cli.ts", "initial-password", "--symbol", "18", "--number", "0000008", "--birthdate", "S48.9.9"], { cwd: repoRoot })).stdout.trim();
    expect(await loginPasses("member8", initial)).toBe(false);

    const plain = await cli(["reset-password", "MEMBER8"]);
    expect(plain.stdout).toContain("member8: password reset to the initial password");
    expect(await loginPasses("member8", initial)).toBe(true);
    expect(await loginPasses("member8", "Changed-Pass-2026")).toBe(false);
    const [reset] = await realm.admin.users.find({ realm: realm.config.realm, username: "member8", exact: true });
    expect(reset?.attributes?.kenpoStage).toEqual(["initial"]);
    expect(reset?.attributes?.kenpoMfaMethod).toBeUndefined();

    // A member with two OTP devices (phone changed): partial import is the admin API's way to add credentials.
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: ["iPhone 15", "Pixel 8"].reduce(
          (acc, label) => {
            acc[0]!.credentials!.push({
              type: "otp",
              userLabel: label,
              secretData: JSON.stringify({ value: `secret-${label}` }),
              credentialData: JSON.stringify({ subType: "totp", digits: 6, counter: 0, period: 30, algorithm: "HmacSHA1" }),
            });
            return acc;
          },
          [{ username: "otp.member", enabled: true, firstName: "a", lastName: "b", attributes: { kenpoSymbol: ["1"], kenpoNumber: ["2"], kenpoBirthdate: ["1980-01-01"], kenpoStage: ["active"] }, credentials: [] as Array<Record<string, unknown>> }],
        ),
      },
    });
    const removed = await cli(["reset-password", "otp.member", "--remove-mfa"]);
    expect(removed.stdout).toContain("removed OTP device: iPhone 15");
    expect(removed.stdout).toContain("removed OTP device: Pixel 8");
    const [otpUser] = await realm.admin.users.find({ realm: realm.config.realm, username: "otp.member", exact: true });
    const types = (await realm.admin.users.getCredentials({ realm: realm.config.realm, id: otpUser!.id! })).map((c) => c.type);
    expect(types).toEqual(["password"]);
    expect(await loginPasses("otp.member", "1219800101")).toBe(true);

    await expect(cli(["reset-password", "nobody"])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no member with user ID "nobody"') });
  });
});
