import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../../runtime/keycloak/paths.js";
import { passwordAccepted } from "../../journeys/http-login.js";
import { testKeycloak } from "../../journeys/keycloak-env.js";
import { cliEnv, memberRegister, REGISTER_HEADER, SocietyCli } from "../support/kenpo-cli.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { otpCredential, seededUser } from "../../journeys/seed.js";
import { CREDENTIAL_TYPE, EXIT_CODE, METHOD, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { firstAttribute } from "../../members/attributes.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "kenpo-import-"));

describe("kenpo import-members and reset-password against Keycloak", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  const society = new SocietyCli();
  const cli = (args: string[]) => society.run(args);
  const users = async () =>
    (await realm.admin.users.find({ realm: realm.config.realm, max: 5000, briefRepresentation: true })).map(
      (u) => u.username!,
    );

  const loginPasses = (username: string, password: string) =>
    passwordAccepted(testKeycloak().url, realm.config.realm, username, password);

  beforeAll(async () => {
    realm = await provisionTestRealm("import");
    society.write(realm.config);
  });
  afterAll(() => realm.cleanup());

  test("a file with an invalid row writes nothing unless --skip-invalid", async () => {
    const file = join(dir, "mixed.csv");
    writeFileSync(file, `${REGISTER_HEADER}\nok.member,1,1,,1980-01-01,a,b,\nbad.member,1,3,,1980-02-30,a,b,\n`);
    await expect(cli(["import-members", file])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("nothing was written"),
    });
    expect(await users()).toEqual([]);
    const dry = await cli(["import-members", file, "--skip-invalid", "--dry-run", "--report", "json"]);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      invalid: 1,
      created: 1,
      dryRun: true,
      plan: { create: ["ok.member"] },
    });
    expect(await users()).toEqual([]);
    const real = await cli(["import-members", file, "--skip-invalid", "--report", "json"]);
    expect(JSON.parse(real.stdout)).toMatchObject({ invalid: 1, created: 1 });
    expect(await users()).toEqual(["ok.member"]);
  });

  test("killed half-way, the same command finishes the job without duplicates or gaps", async () => {
    const file = join(dir, "big.csv");
    writeFileSync(file, memberRegister(400));
    const child = spawn(
      "npx",
      ["tsx", "cli/kenpo.ts", "import-members", file, "--batch-size", "25", "--config", society.configFile],
      { cwd: repoRoot, env: cliEnv(testKeycloak()), detached: true, stdio: "ignore" },
    );
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

    const resumed = JSON.parse((await cli(["import-members", file, "--report", "json"])).stdout) as {
      created: number;
      skipped: number;
    };
    expect(resumed.created + resumed.skipped).toBe(400);
    expect(resumed.skipped).toBeGreaterThanOrEqual(partial);
    const all = (await users()).filter((u) => u.startsWith("member"));
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(Array.from({ length: 400 }, (_, i) => `member${i}`).sort());

    const again = JSON.parse((await cli(["import-members", file, "--report", "json"])).stdout);
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 400 });
  });

  test("an imported member logs in with the initial password, typing the user ID in upper case", async () => {
    const { stdout } = await run(
      "npx",
      ["tsx", "cli/kenpo.ts", "initial-password", "--symbol", "17", "--number", "0000007", "--birthdate", "S47.8.8"],
      { cwd: repoRoot },
    );
    expect(await loginPasses("MEMBER7", stdout.trim())).toBe(true);
  });

  test("reset-password puts a member back to the initial password; --remove-mfa lists and removes the devices", async () => {
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "member8", exact: true });
    const id = user!.id!;
    await realm.admin.users.resetPassword({
      realm: realm.config.realm,
      id,
      credential: { type: "password", value: "Changed-Pass-2026", temporary: false },
    });
    await realm.admin.users.update(
      { realm: realm.config.realm, id },
      {
        ...user,
        attributes: {
          ...user!.attributes,
          [USER_ATTRIBUTE.stage]: [STAGE.active],
          [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp],
        },
      },
    );
    const initial = (
      await run(
        "npx",
        ["tsx", "cli/kenpo.ts", "initial-password", "--symbol", "18", "--number", "0000008", "--birthdate", "S48.9.9"],
        { cwd: repoRoot },
      )
    ).stdout.trim();
    expect(await loginPasses("member8", initial)).toBe(false);

    const plain = await cli(["reset-password", "MEMBER8"]);
    expect(plain.stdout).toContain("member8: password reset to the initial password");
    expect(await loginPasses("member8", initial)).toBe(true);
    expect(await loginPasses("member8", "Changed-Pass-2026")).toBe(false);
    const [reset] = await realm.admin.users.find({ realm: realm.config.realm, username: "member8", exact: true });
    expect(reset?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.initial]);
    expect(reset?.attributes?.[USER_ATTRIBUTE.mfaMethod]).toBeUndefined();

    // A member with two OTP devices (phone changed): partial import is the admin API's way to add credentials.
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: [
          seededUser({
            username: "otp.member",
            symbol: "1",
            number: "2",
            birthdate: "1980-01-01",
            firstName: "a",
            lastName: "b",
            attributes: { [USER_ATTRIBUTE.stage]: [STAGE.active] },
            credentials: ["iPhone 15", "Pixel 8"].map((label) => otpCredential(`secret-${label}`, label)),
          }),
        ],
      },
    });
    // Without --remove-mfa the devices stay (the password is written in the same request as the stage).
    const kept = await cli(["reset-password", "otp.member"]);
    expect(kept.stdout).toMatch(/kept: (iPhone 15, Pixel 8|Pixel 8, iPhone 15)/);
    const [withDevices] = await realm.admin.users.find({
      realm: realm.config.realm,
      username: "otp.member",
      exact: true,
    });
    expect(
      (await realm.admin.users.getCredentials({ realm: realm.config.realm, id: withDevices!.id! }))
        .map((c) => c.type)
        .sort(),
    ).toEqual([CREDENTIAL_TYPE.otp, CREDENTIAL_TYPE.otp, CREDENTIAL_TYPE.password]);
    const removed = await cli(["reset-password", "otp.member", "--remove-mfa"]);
    expect(removed.stdout).toContain("removed OTP device: iPhone 15");
    expect(removed.stdout).toContain("removed OTP device: Pixel 8");
    const [otpUser] = await realm.admin.users.find({ realm: realm.config.realm, username: "otp.member", exact: true });
    const types = (await realm.admin.users.getCredentials({ realm: realm.config.realm, id: otpUser!.id! })).map(
      (c) => c.type,
    );
    // The password the first reset wrote stays in the history, as for any password change.
    expect(types.sort()).toEqual(["password", "password-history"]);
    expect(await loginPasses("otp.member", "1219800101")).toBe(true);

    await expect(cli(["reset-password", "nobody"])).rejects.toMatchObject({
      code: EXIT_CODE.unknownMember,
      stderr: expect.stringContaining('no member with user ID "nobody"'),
    });
  });

  test("reset-password on members who never logged in (the initial password is still the current one): --remove-mfa clears the email confirmation unless --keep-email-verified", async () => {
    const file = join(dir, "never.csv");
    writeFileSync(
      file,
      `${REGISTER_HEADER}\nnever.a,4,4100001,,1980-01-01,a,b,a@example.test\nnever.b,4,4100002,,1980-01-01,a,b,b@example.test\nnever.c,4,4100003,,1980-01-01,a,b,c@example.test\n`,
    );
    await cli(["import-members", file]);
    const find = async (username: string) =>
      (await realm.admin.users.find({ realm: realm.config.realm, username, exact: true }))[0]!;
    for (const username of ["never.a", "never.b", "never.c"]) {
      const user = await find(username);
      await realm.admin.users.update({ realm: realm.config.realm, id: user.id! }, { ...user, emailVerified: true });
    }

    const removed = await cli(["reset-password", "never.a", "--remove-mfa"]);
    expect(removed.stdout).toContain("never.a: password reset to the initial password");
    expect(removed.stdout).toContain("no passkeys or OTP devices were registered");
    expect(removed.stdout).toContain("confirmed again");
    await cli(["reset-password", "never.b", "--remove-mfa", "--keep-email-verified"]);
    await cli(["reset-password", "never.c"]);

    const after = await Promise.all(["never.a", "never.b", "never.c"].map(find));
    expect(after.map((u) => [u.username, u.emailVerified, firstAttribute(u, USER_ATTRIBUTE.stage)])).toEqual([
      ["never.a", false, STAGE.initial],
      ["never.b", true, STAGE.initial],
      ["never.c", true, STAGE.initial],
    ]);
    for (const [username, number] of [
      ["never.a", "4100001"],
      ["never.b", "4100002"],
      ["never.c", "4100003"],
    ] as const) {
      expect(await loginPasses(username, `4${number}19800101`)).toBe(true);
    }
  });

  test("two rows with one card are invalid rows: the file is refused, and with --skip-invalid neither of them is written", async () => {
    const file = join(dir, "same-card.csv");
    writeFileSync(
      file,
      `${REGISTER_HEADER}\ncard.first,2,2345678,01,1980-01-01,a,b,\ncard.other,2,2345678,02,1980-01-01,a,b,\ncard.second,２,２３４５６７８,０１,1981-01-01,a,b,\n`,
    );
    const refused = await cli(["import-members", file, "--report", "json"]).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect(refused).toMatchObject({ code: 1 });
    const report = JSON.parse((refused as { stdout: string }).stdout) as { errors: unknown[] };
    expect(report).toMatchObject({ invalid: 2, written: false });
    expect(report.errors).toEqual([
      {
        line: 2,
        field: "number",
        column: "番号",
        message: expect.stringMatching(/記号 2 番号 23\*\*\*78 枝番 01\) appears more than once \(also on line 4\)/),
      },
      { line: 4, field: "number", column: "番号", message: expect.stringMatching(/also on line 2/) },
    ]);
    expect(JSON.stringify(report)).not.toContain("2345678");
    const skipping = JSON.parse((await cli(["import-members", file, "--skip-invalid", "--report", "json"])).stdout);
    expect(skipping).toMatchObject({ invalid: 2, created: 1 });
    expect((await users()).filter((u) => u.startsWith("card."))).toEqual(["card.other"]);
  });

  test("conflicts with the realm: listed masked in the JSON report, exit 3; nothing written unless --skip-invalid; the dry run says the same", async () => {
    const seed = join(dir, "holder.csv");
    writeFileSync(seed, `${REGISTER_HEADER}\nholder,3,3100001,,1980-01-01,a,b,\n`);
    await cli(["import-members", seed]);
    const file = join(dir, "conflict.csv");
    writeFileSync(
      file,
      `${REGISTER_HEADER}\nnewcomer,3,3200001,,1980-01-01,a,b,\nholder,3,3300001,,1980-01-01,c,d,intruder@example.test\n`,
    );
    const conflicts = [
      {
        line: 3,
        field: "user_id",
        userId: "holder",
        reason: expect.stringMatching(
          /"holder" already belongs to the account of another card \(記号 3 番号 31\*\*\*01\)/,
        ),
      },
    ];
    const exit3 = (args: string[]) =>
      cli(args).then(
        () => {
          throw new Error(`kenpo ${args.join(" ")} exited 0`);
        },
        (e: { code: number; stdout: string; stderr: string }) => {
          expect(e.code).toBe(3);
          expect(e.stdout + e.stderr).not.toMatch(/3300001|3100001/);
          return { report: JSON.parse(e.stdout) as { planned: unknown }, stderr: e.stderr };
        },
      );

    const dry = await exit3(["import-members", file, "--dry-run", "--report", "json"]);
    const real = await exit3(["import-members", file, "--report", "json"]);
    for (const { report } of [dry, real]) {
      expect(report).toMatchObject({
        refused: true,
        written: false,
        created: 0,
        conflicts,
        planned: { create: 1, skip: 0, update: 0, conflict: 1 },
      });
    }
    const text = await cli(["import-members", file]).catch((e: { code: number; stderr: string }) => e);
    expect(text).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(
        /1 row\(s\) conflict with accounts in realm .*; nothing was written[^]*line 3, ユーザID: user ID "holder"/,
      ),
    });
    expect(await users()).not.toContain("newcomer");

    const dryRest = await exit3([
      "import-members",
      file,
      "--dry-run",
      "--skip-invalid",
      "--update-profile",
      "--report",
      "json",
    ]);
    const rest = await exit3(["import-members", file, "--skip-invalid", "--update-profile", "--report", "json"]);
    expect(dryRest.report).toMatchObject({
      refused: false,
      written: false,
      created: 1,
      conflicts,
      plan: { create: ["newcomer"] },
    });
    expect(rest.report).toMatchObject({
      refused: false,
      written: true,
      created: 1,
      conflicts,
      planned: dryRest.report.planned,
    });
    expect(await users()).toContain("newcomer");
    const [holder] = await realm.admin.users.find({ realm: realm.config.realm, username: "holder", exact: true });
    expect(holder).toMatchObject({ firstName: "b", lastName: "a" });
    expect(holder?.email).toBeUndefined();
    expect(holder?.attributes?.[USER_ATTRIBUTE.number]).toEqual(["3100001"]);
  });
});
