import { execFile } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { applyRealm, planRealm } from "../../realm-config/provision.js";
import { desiredPasswordPolicy, REQUIRED_ACTION_ORDER } from "../../realm-config/desired-realm.js";
import type { RealmOnlyPayload } from "../../realm-config/plan-types.js";
import { repoRoot } from "../../runtime/keycloak/paths.js";
import { testKeycloak } from "../../journeys/keycloak-env.js";
import { testAdmin, testConfig } from "../../journeys/realm.js";
import { EXIT_CODE, REALM_TEXT, USER_ATTRIBUTE } from "../../contracts/index.js";

const run = promisify(execFile);

/** Counts the admin API calls that write (anything but GET) while `body` runs. */
async function countWrites(body: () => Promise<unknown>): Promise<string[]> {
  const writes: string[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const url = input instanceof Request ? input.url : String(input);
    if (method !== "GET" && url.includes("/admin/realms")) writes.push(`${method} ${url}`);
    return original(input, init);
  };
  try {
    await body();
  } finally {
    globalThis.fetch = original;
  }
  return writes;
}

function cli(args: string[]) {
  return run("npx", ["tsx", "cli/kenpo.ts", ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      KENPO_ADMIN_USER: testKeycloak().adminUser,
      KENPO_ADMIN_PASSWORD: testKeycloak().adminPassword,
    },
  });
}

describe("provisioning a society's realm", () => {
  const config = testConfig("prov");
  let admin: Awaited<ReturnType<typeof testAdmin>>;

  beforeAll(async () => {
    admin = await testAdmin();
  });
  afterAll(async () => {
    await admin.realms.del({ realm: config.realm }).catch(() => undefined);
    admin.close();
  });

  test("dry run on a missing realm plans everything and writes nothing", async () => {
    let planned: Awaited<ReturnType<typeof planRealm>> = [];
    const writes = await countWrites(async () => {
      planned = await planRealm(admin, config);
    });
    expect(writes).toEqual([]);
    expect(planned.map((c) => `${c.action} ${c.target}`)).toEqual(
      expect.arrayContaining([`create realm ${config.realm}`, "create client member-portal", "create user profile"]),
    );
    expect(await admin.realms.findOne({ realm: config.realm })).toBeFalsy();
  });

  test("apply creates what the config says", async () => {
    await applyRealm(admin, config);
    const realm = await admin.realms.findOne({ realm: config.realm });
    expect(realm).toMatchObject({
      enabled: true,
      internationalizationEnabled: true,
      defaultLocale: "ja",
      loginTheme: "kenpo",
      emailTheme: "kenpo",
      bruteForceProtected: true,
      failureFactor: 5,
      otpPolicyType: "totp",
      otpPolicyAlgorithm: "HmacSHA1",
      otpPolicyDigits: 6,
      otpPolicyPeriod: 30,
      passwordPolicy: desiredPasswordPolicy(config),
      webAuthnPolicyPasswordlessPasskeysEnabled: true,
    });
    expect([...(realm?.supportedLocales ?? [])].sort()).toEqual(["en", "ja"]);
    const raw = realm as Record<string, unknown>;
    expect(raw.webAuthnPolicyPasswordlessResidentKey).toBe("required");
    expect(raw.webAuthnPolicyPasswordlessUserVerificationRequirement).toBe("required");
    expect(raw.webAuthnPolicyPasswordlessRpEntityName).toBe(config.societyName.ja);

    const texts = await admin.realms.getRealmLocalizationTexts({ realm: config.realm, selectedLocale: "ja" });
    expect(texts[REALM_TEXT.societyName]).toBe(config.societyName.ja);
    expect(texts[REALM_TEXT.termsText]).toBe(config.termsText.ja);

    const profile = await admin.users.getProfile({ realm: config.realm });
    for (const name of [
      USER_ATTRIBUTE.symbol,
      USER_ATTRIBUTE.number,
      USER_ATTRIBUTE.branch,
      USER_ATTRIBUTE.birthdate,
    ]) {
      const attribute = profile.attributes?.find((a) => a.name === name);
      expect(attribute?.permissions).toEqual({ view: ["admin"], edit: ["admin"] });
    }

    const actions = await admin.authenticationManagement.getRequiredActions({
      realm: config.realm,
    } as RealmOnlyPayload);
    const ours = REQUIRED_ACTION_ORDER.map((alias) => actions.find((a) => a.alias === alias));
    expect(ours.every((a) => a?.enabled && !a.defaultAction)).toBe(true);
    const priorities = ours.map((a) => a!.priority!);
    expect([...priorities].sort((a, b) => a - b)).toEqual(priorities);

    const [client] = await admin.clients.find({ realm: config.realm, clientId: "member-portal" });
    expect(client).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      directAccessGrantsEnabled: false,
      implicitFlowEnabled: false,
    });
    expect(client?.attributes?.["pkce.code.challenge.method"]).toBe("S256");
  });

  test("applying the same config again makes zero writes and plans nothing", async () => {
    let changes: unknown[] = [];
    const writes = await countWrites(async () => {
      changes = await applyRealm(admin, config);
    });
    expect(changes).toEqual([]);
    expect(writes).toEqual([]);
  });

  test("a changed policy is planned as one field-level update, then applied", async () => {
    const stricter = { ...config, policies: { ...config.policies, passwordMinLength: 12 } };
    const plan = await planRealm(admin, stricter);
    expect(plan).toHaveLength(1);
    expect(plan[0]!.details.join("\n")).toContain("length(12)");
    await applyRealm(admin, stricter);
    expect((await admin.realms.findOne({ realm: config.realm }))?.passwordPolicy).toContain("length(12)");
    await applyRealm(admin, config);
  });

  test("the CLI's --dry-run prints the plan and writes nothing; an unchanged realm prints an empty plan", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kenpo-prov-"));
    const file = join(dir, "society.yaml");
    writeFileSync(file, stringify({ ...config, policies: { ...config.policies, lockoutMinutes: 30 } }));
    const before = await admin.realms.findOne({ realm: config.realm });
    const dry = await cli(["provision", "--config", file, "--dry-run"]);
    expect(dry.stdout).toMatch(/~ realm: update realm/);
    expect(dry.stdout).toMatch(/waitIncrementSeconds: 900 → 1800/);
    expect(dry.stdout).toMatch(/nothing written/);
    expect((await admin.realms.findOne({ realm: config.realm }))?.waitIncrementSeconds).toBe(
      before?.waitIncrementSeconds,
    );

    writeFileSync(file, stringify(config));
    const same = await cli(["provision", "--config", file, "--dry-run"]);
    expect(same.stdout).toMatch(/up to date: nothing to change/);
  });

  test("an invalid config exits with its own code and names the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kenpo-prov-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(file, stringify({ ...config, policies: { ...config.policies, passwordMinLength: 4 } }));
    await expect(cli(["provision", "--config", file])).rejects.toMatchObject({
      code: EXIT_CODE.invalidConfig,
      stderr: expect.stringMatching(/policies\.passwordMinLength: .*got 4/),
    });
  });
});
