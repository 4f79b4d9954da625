import { randomBytes } from "node:crypto";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { declaredFlows, treeHash } from "../../realm-config/flows.js";
import { applyRealm, planRealm } from "../../realm-config/provision.js";
import { CLOSED_GRANT_ATTRIBUTES } from "../../realm-config/sections/side-doors.js";
import { mailboxSmtp, startMailbox, type Mailbox } from "../../runtime/mail/mailbox.js";
import { cardMember, freshCode, importMember, Journey, type TestRealm } from "../../journeys/http-journey.js";
import { expectPage, HttpBrowser, isPage, pageId, type Page } from "../../journeys/http-login.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { otpApp, otpCredential, seededUser } from "../../journeys/seed.js";
import {
  CREDENTIAL_TYPE,
  FORM_FIELD,
  METHOD,
  PAGE,
  REQUIRED_ACTION,
  STAGE,
  USER_ATTRIBUTE,
} from "../../contracts/index.js";
import { firstAttribute } from "../../members/attributes.js";

/**
 * Every way into a member realm, for a member in every stage: none yields a code or a token without
 * that stage's proof. Keycloak creates flows and clients our config never declared; provisioning must
 * own them (see realm-config/sections/side-doors.ts and realm-config/flows.ts).
 */

const PASSWORD = "Side-Doors-Pass-2026";
const OTP_SECRET = "SideDoorsSecret-0123";
const totp = otpApp(OTP_SECRET);

const OTP = otpCredential(OTP_SECRET);
/** A stored passkey; never used to sign here, only to make the member "have a passkey". */
const passkeyCredential = {
  type: CREDENTIAL_TYPE.passkey,
  userLabel: "テストのスマートフォン",
  secretData: "{}",
  credentialData: JSON.stringify({
    aaguid: "00000000-0000-0000-0000-000000000000",
    credentialId: randomBytes(32).toString("base64"),
    counter: 0,
    attestationStatement: null,
    credentialPublicKey: randomBytes(77).toString("base64"),
    attestationStatementFormat: "none",
    transports: ["internal"],
  }),
};

/** Member stages, each with the page the browser flow must show after a correct ② (never the portal). */
const STAGES = [
  { name: "initial", after: PAGE.birthdate, resetPage: "info.ftl", says: "初期パスワード" },
  { name: "no-stage", after: PAGE.birthdate, resetPage: "info.ftl", says: "初期パスワード" },
  { name: "enrolling-action-removed", after: "login-config-totp.ftl", resetPage: "info.ftl", says: "初期パスワード" },
  { name: "active-otp", after: "login-otp.ftl", resetPage: "login-otp.ftl", says: "" },
  { name: "active-passkey", after: "webauthn-authenticate.ftl", resetPage: "webauthn-authenticate.ftl", says: "" },
  { name: "active-no-credential", after: PAGE.birthdate, resetPage: "info.ftl", says: "初期パスワード" },
  { name: "initial-with-otp", after: "login-otp.ftl", resetPage: "info.ftl", says: "初期パスワード" },
  { name: "enrolling-with-otp", after: "login-otp.ftl", resetPage: "login-otp.ftl", says: "" },
  { name: "locked", after: "login.ftl", resetPage: "info.ftl", says: "しばらくの間" },
] as const;
type StageName = (typeof STAGES)[number]["name"];

function seeded(
  username: string,
  number: string,
  attributes: Record<string, string[]>,
  credentials: Array<Record<string, unknown>>,
): UserRepresentation {
  return seededUser({ username, number, password: PASSWORD, attributes, credentials });
}

async function seedMembers(realm: TestRealm): Promise<void> {
  const users: UserRepresentation[] = [
    seeded("no-stage", "2000001", {}, []),
    seeded(
      "enrolling-action-removed",
      "2000002",
      { [USER_ATTRIBUTE.stage]: [STAGE.enrolling], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] },
      [],
    ),
    seeded(
      "active-otp",
      "2000003",
      { [USER_ATTRIBUTE.stage]: [STAGE.active], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] },
      [OTP],
    ),
    seeded(
      "active-passkey",
      "2000004",
      { [USER_ATTRIBUTE.stage]: [STAGE.active], [USER_ATTRIBUTE.mfaMethod]: [METHOD.passkey] },
      [passkeyCredential],
    ),
    seeded("initial-with-otp", "2000006", { [USER_ATTRIBUTE.stage]: [STAGE.initial] }, [OTP]),
    seeded(
      "enrolling-with-otp",
      "2000007",
      { [USER_ATTRIBUTE.stage]: [STAGE.enrolling], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] },
      [OTP],
    ),
    seeded(
      "active-no-credential",
      "2000005",
      { [USER_ATTRIBUTE.stage]: [STAGE.active], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] },
      [],
    ),
  ];
  await realm.admin.realms.partialImport({ realm: realm.config.realm, rep: { ifResourceExists: "FAIL", users } });
  // Imported members carry the initial password from the card; these two use ours for the table.
  for (const [username, number] of [
    ["initial", "1000001"],
    ["locked", "1000002"],
  ] as const) {
    await importMember(realm, { ...cardMember(username, { number }), initialPassword: PASSWORD });
  }
}

async function lock(realm: TestRealm, username: string): Promise<void> {
  const [user] = await realm.admin.users.find({ realm: realm.config.realm, username, exact: true });
  for (let i = 0; i < realm.config.policies.maxLoginFailures; i += 1) {
    // Slower than Keycloak's quick-login check (1 s), so only the count locks.
    await new Promise((r) => setTimeout(r, 1100));
    const j = await new Journey(realm).open();
    await j.post({ username, password: "wrong-password" }, "login.ftl");
  }
  const deadline = Date.now() + 10_000;
  for (;;) {
    const status = await realm.admin.attackDetection.findOne({ realm: realm.config.realm, id: user!.id! });
    if (status?.disabled === true) return;
    if (Date.now() > deadline) throw new Error(`${username} was not locked: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Logs in at ② with the member's password through `client` and returns where the member lands. */
async function afterPassword(
  realm: TestRealm,
  username: string,
  client?: { clientId: string; redirectUri: string },
  extra: Record<string, string> = {},
): Promise<Page | { redirectedTo: string }> {
  const j = await new Journey(realm, extra, new HttpBrowser(), client).open();
  expect(j.pageId).toBe("login.ftl");
  return j.browser.submit(j.page, { username, password: PASSWORD }, { stopAt: j.request.redirectUri });
}

function landed(result: Page | { redirectedTo: string }): string {
  if (!isPage(result)) return `redirect ${result.redirectedTo.replace(/[?#].*/, "")}`;
  return pageId(result);
}

describe("side doors: no session without the stage's proof", () => {
  let realm: TestRealm;
  let mailbox: Mailbox;
  const kcUrl = () => realm.config.server.url;

  beforeAll(async () => {
    mailbox = await startMailbox();
    realm = await provisionTestRealm("doors", {
      smtp: mailboxSmtp(mailbox),
    });
    await seedMembers(realm);
    await lock(realm, "locked");
  });
  afterAll(async () => {
    await realm.cleanup();
    await mailbox.close();
  });

  test("the realm binds our browser, reset and direct-grant flows, has no identity provider, and a re-plan is empty", async () => {
    const rep = (await realm.admin.realms.findOne({ realm: realm.config.realm })) as Record<string, unknown>;
    for (const { binding, tree } of declaredFlows(realm.config))
      expect(rep[binding]).toBe(`${tree.name} ${treeHash(tree)}`);
    expect(await realm.admin.identityProviders.find({ realm: realm.config.realm })).toEqual([]);
    expect((await planRealm(realm.admin, realm.config)).map((c) => `${c.section} ${c.target}`)).toEqual([]);
  });

  test.each(STAGES.map((s) => [s.name, s.after] as const))(
    "browser flow through the portal client: %s → %s",
    async (name, expected) => {
      expect(landed(await afterPassword(realm, name))).toBe(expected);
    },
  );

  test.each(STAGES.map((s) => [s.name, s.after] as const))(
    "browser flow through Keycloak's account console: %s → %s",
    async (name, expected) => {
      const client = { clientId: "account-console", redirectUri: `${kcUrl()}/realms/${realm.config.realm}/account/` };
      expect(landed(await afterPassword(realm, name, client))).toBe(expected);
    },
  );

  // Every device lost: ③ again, then the email check and the set-up, all shown as the first login's steps.
  test.each(["initial", "active-no-credential"])("③ for %s shows the first login's step", async (name) => {
    const page = expectPage(await afterPassword(realm, name), "③");
    expect(page.$("#kp-step").text()).toContain("③");
  });

  test("application-initiated action (add an OTP device) asks for the factor before anything else", async () => {
    expect(
      landed(await afterPassword(realm, "active-otp", undefined, { kc_action: REQUIRED_ACTION.configureTotp })),
    ).toBe("login-otp.ftl");
  });

  test("the password grant is refused on every client of the realm (Keycloak's built-ins included), for every stage", async () => {
    const clients = await realm.admin.clients.find({ realm: realm.config.realm });
    expect(clients.map((c) => c.clientId)).toEqual(
      expect.arrayContaining(["admin-cli", "account", "account-console", "member-portal"]),
    );
    const granted: string[] = [];
    let tried = 0;
    for (const client of clients) {
      expect(`${client.clientId} direct grants ${client.directAccessGrantsEnabled}`).toBe(
        `${client.clientId} direct grants false`,
      );
      const secret =
        client.publicClient || client.bearerOnly
          ? undefined
          : (await realm.admin.clients.getClientSecret({ realm: realm.config.realm, id: client.id! })).value;
      for (const stage of STAGES) {
        const body = new URLSearchParams({
          grant_type: "password",
          client_id: client.clientId!,
          username: stage.name,
          password: PASSWORD,
          scope: "openid",
        });
        if (secret) body.set("client_secret", secret);
        if (stage.name === "active-otp") body.set("totp", totp.generate());
        const res = await fetch(`${kcUrl()}/realms/${realm.config.realm}/protocol/openid-connect/token`, {
          method: "POST",
          body,
        });
        const json = (await res.json()) as { access_token?: string };
        tried += 1;
        if (res.ok || json.access_token) granted.push(`${client.clientId}/${stage.name}`);
      }
    }
    process.stderr.write(
      `[side-doors] password grants tried: ${tried} (${clients.length} clients × ${STAGES.length} stages)\n`,
    );
    expect(granted).toEqual([]);
  });

  /** 「パスワードを再設定する」 from the login page, up to the page the emailed link opens (in `browser`). */
  async function resetLink(username: string): Promise<{ link: string; sent: Page }> {
    const j = await new Journey(realm).open();
    const form = expectPage(
      await j.browser.navigate(new URL(String(j.page.kcContext!.url.loginResetCredentialsUrl), j.page.url).toString()),
      "the reset page",
    );
    expect(pageId(form)).toBe("login-reset-password.ftl");
    const before = mailbox.mails.length;
    const sent = expectPage(await j.browser.submit(form, { username }), "the page after the reset request");
    const mail = await mailbox.waitForMail(
      `${username}@example.test`,
      (m) => mailbox.mails.indexOf(m) >= before && m.links.some((l) => l.includes("action-token")),
    );
    return { link: mail.links.find((l) => l.includes("action-token"))!, sent };
  }

  test.each(STAGES.map((s) => [s.name, s.resetPage, s.says] as const))(
    "reset credentials: the emailed link alone never gives a session or a new password: %s → %s %s",
    async (name, expected, says) => {
      const { link } = await resetLink(name);
      // Opened in another browser (no cookies of the request): the same demands.
      const opened = await new HttpBrowser().navigate(link, {}, "http://localhost:5173/callback");
      expect(landed(opened)).toBe(expected);
      if (isPage(opened) && expected === "info.ftl") {
        const message = opened.kcContext?.message?.summary ?? "";
        // The theme's words (server-side bundle), not a raw key: what to do instead.
        expect(message).toContain(says);
      }
    },
  );

  test("reset for an active OTP member: the code of the registered app, then the new password, then a full login again", async () => {
    const used = new Set<string>();
    const { link } = await resetLink("active-otp");
    const browser = new HttpBrowser();
    let page = expectPage(await browser.navigate(link), "the OTP page");
    expect(pageId(page)).toBe("login-otp.ftl");
    page = expectPage(await browser.submit(page, { otp: "000000" }), "the OTP page again");
    expect(pageId(page)).toBe("login-otp.ftl");
    await new Promise((r) => setTimeout(r, 1100));
    page = expectPage(await browser.submit(page, { otp: await freshCode(totp, used) }), "the new password page");
    expect(pageId(page)).toBe("login-update-password.ftl");
    // The forgotten password's ⑥, not the first login's: no first-login shell (its step and lead) is served.
    expect(page.$("#kp-step").length).toBe(0);
    expect(page.html).not.toContain("初回のパスワード");
    const after = await browser.submit(
      page,
      { "password-new": "Brand-New-Pass-2026", "password-confirm": "Brand-New-Pass-2026" },
      { stopAt: "http://localhost:5173/callback" },
    );
    // Forced to log in again: no code for any client after a reset.
    expect(isPage(after)).toBe(true);
    // No OTP device was added by the reset.
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "active-otp", exact: true });
    const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user!.id! });
    expect(credentials.filter((c) => c.type === CREDENTIAL_TYPE.otp).map((c) => c.userLabel)).toEqual(["テスト端末"]);
    // The new password counts, and still only with the factor.
    const j = await new Journey(realm).open();
    await j.post({ username: "active-otp", password: "Brand-New-Pass-2026" }, "login-otp.ftl");
    await j.post({ otp: await freshCode(totp, used) }, "portal");
  });

  test("reset request: the same answer whether the user ID exists or not, and no mail for an unknown one", async () => {
    const ask = async (username: string) => {
      const j = await new Journey(realm).open();
      const form = expectPage(
        await j.browser.navigate(
          new URL(String(j.page.kcContext!.url.loginResetCredentialsUrl), j.page.url).toString(),
        ),
        "the reset page",
      );
      const page = expectPage(await j.browser.submit(form, { username }), "the page after the request");
      return { page: pageId(page), message: page.kcContext?.message?.summary ?? "" };
    };
    const before = mailbox.mails.length;
    const unknown = await ask(`nobody-${randomBytes(3).toString("hex")}`);
    const known = await ask("initial");
    expect(unknown).toEqual(known);
    expect(known.message).not.toBe("");
    await mailbox.waitForMail("initial@example.test", (m) => mailbox.mails.indexOf(m) >= before);
    expect(mailbox.mails.slice(before).map((m) => m.to)).toEqual([["initial@example.test"]]);
  });

  test("a locked member stays locked after opening a reset link", async () => {
    const { link } = await resetLink("locked");
    await new HttpBrowser().navigate(link);
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "locked", exact: true });
    expect(await realm.admin.attackDetection.findOne({ realm: realm.config.realm, id: user!.id! })).toMatchObject({
      disabled: true,
    });
  });

  test("the stage table's members are still where they were (no door moved them to active)", async () => {
    const stageOf = async (username: StageName) => {
      const [user] = await realm.admin.users.find({ realm: realm.config.realm, username, exact: true });
      return firstAttribute(user, USER_ATTRIBUTE.stage) ?? "(none)";
    };
    expect(await stageOf("initial")).toBe(STAGE.initial);
    expect(await stageOf("no-stage")).toBe("(none)");
    // Devices gone: ③ stands first (not passed by any door above), then the registration, never a session.
    expect(await stageOf("active-no-credential")).toBe(STAGE.active);
    const j = await new Journey(realm).open();
    await j.post({ username: "active-no-credential", password: PASSWORD }, PAGE.birthdate);
    await j.post({ [FORM_FIELD.birthdate]: "19801201" }, "login-config-totp.ftl");
    expect(await stageOf("active-no-credential")).toBe(STAGE.enrolling);
  });

  test("a flow override on any client is removed by provisioning (Keycloak keeps an override sent as an empty map)", async () => {
    const [consoleClient] = await realm.admin.clients.find({ realm: realm.config.realm, clientId: "account-console" });
    await realm.admin.clients.update(
      { realm: realm.config.realm, id: consoleClient!.id! },
      { ...consoleClient, authenticationFlowBindingOverrides: { browser: (await stockFlowId("browser"))! } },
    );
    expect((await planRealm(realm.admin, realm.config)).map((c) => `${c.section} ${c.target}`)).toEqual([
      "side-doors client account-console",
    ]);
    await applyRealm(realm.admin, realm.config);
    const [after] = await realm.admin.clients.find({ realm: realm.config.realm, clientId: "account-console" });
    expect(Object.values(after!.authenticationFlowBindingOverrides ?? {}).filter(Boolean)).toEqual([]);
    expect(await planRealm(realm.admin, realm.config)).toEqual([]);
  });

  test("a hand-edited flow is rebuilt behind a closed door, never a stock flow, and the door is removed afterwards", async () => {
    const browserAlias = (await realm.admin.realms.findOne({ realm: realm.config.realm }))!.browserFlow!;
    const executions = await realm.admin.authenticationManagement.getExecutions({
      realm: realm.config.realm,
      flow: browserAlias,
    });
    const otp = executions.find((e) => e.providerId === "auth-otp-form")!;
    await realm.admin.authenticationManagement.updateExecution(
      { realm: realm.config.realm, flow: browserAlias },
      { ...otp, requirement: "DISABLED" },
    );
    const bindings: string[] = [];
    const planned = await planRealm(realm.admin, realm.config);
    expect(planned.flatMap((c) => c.details).join("\n")).toContain("edited by hand");
    for (const change of planned) {
      await change.apply();
      bindings.push(String((await realm.admin.realms.findOne({ realm: realm.config.realm }))!.browserFlow));
    }
    expect(bindings.at(-1)).toBe(browserAlias);
    expect(bindings).not.toContain("browser");
    const flows = await realm.admin.authenticationManagement.getFlows({ realm: realm.config.realm });
    expect(flows.map((f) => f.alias)).not.toContain("kenpo closed while rebuilding");
    expect(await planRealm(realm.admin, realm.config)).toEqual([]);
  });

  test("a disabled registration action refuses the login instead of letting an enrolling member through", async () => {
    const actions = await realm.admin.authenticationManagement.getRequiredActions({
      realm: realm.config.realm,
    } as never);
    const totpAction = actions.find((a) => a.alias === REQUIRED_ACTION.configureTotp)!;
    await realm.admin.authenticationManagement.updateRequiredAction(
      { alias: REQUIRED_ACTION.configureTotp, realm: realm.config.realm },
      { ...totpAction, enabled: false },
    );
    try {
      const result = await afterPassword(realm, "enrolling-action-removed");
      expect(isPage(result)).toBe(true);
      expect(landed(result)).not.toBe("login-config-totp.ftl");
      expect(landed(result)).not.toBe("login.ftl");
    } finally {
      await applyRealm(realm.admin, realm.config);
    }
    expect(await planRealm(realm.admin, realm.config)).toEqual([]);
  });

  test("device grant, CIBA and token exchange are off on every client Keycloak lets us edit, and Keycloak refuses a device authorization", async () => {
    const clients = await realm.admin.clients.find({ realm: realm.config.realm });
    const editable = clients.filter((c) => !c.bearerOnly);
    expect(editable.map((c) => c.clientId)).toEqual(
      expect.arrayContaining(["admin-cli", "account", "account-console", "security-admin-console", "member-portal"]),
    );
    expect(
      editable.flatMap((c) =>
        Object.keys(CLOSED_GRANT_ATTRIBUTES)
          .filter((key) => c.attributes?.[key] !== "false")
          .map((key) => `${c.clientId} ${key}=${c.attributes?.[key]}`),
      ),
    ).toEqual([]);
    process.stderr.write(
      `[side-doors] grant attributes false on ${editable.length} clients; bearer-only left alone: ${clients
        .filter((c) => c.bearerOnly)
        .map((c) => c.clientId)
        .join(", ")}\n`,
    );
    for (const clientId of ["member-portal", "account-console", "admin-cli"]) {
      const res = await fetch(`${kcUrl()}/realms/${realm.config.realm}/protocol/openid-connect/auth/device`, {
        method: "POST",
        body: new URLSearchParams({ client_id: clientId, scope: "openid" }),
      });
      const json = (await res.json()) as { device_code?: string; error?: string };
      expect(`${clientId} ${res.status} ${json.device_code ?? json.error}`).toBe(`${clientId} 400 unauthorized_client`);
    }
  });

  test("a grant switched on by hand is switched off again by provisioning, and the next plan is empty", async () => {
    const [consoleClient] = await realm.admin.clients.find({ realm: realm.config.realm, clientId: "account-console" });
    await realm.admin.clients.update(
      { realm: realm.config.realm, id: consoleClient!.id! },
      {
        ...consoleClient,
        attributes: {
          ...consoleClient!.attributes,
          "oauth2.device.authorization.grant.enabled": "true",
          "oidc.ciba.grant.enabled": "true",
        },
      },
    );
    const planned = await planRealm(realm.admin, realm.config);
    expect(planned.map((c) => `${c.section} ${c.target}`)).toEqual(["side-doors client account-console"]);
    expect(planned[0]!.details).toEqual([
      "OAuth 2.0 device grant (oauth2.device.authorization.grant.enabled) true → false",
      "CIBA (oidc.ciba.grant.enabled) true → false",
    ]);
    await applyRealm(realm.admin, realm.config);
    const [after] = await realm.admin.clients.find({ realm: realm.config.realm, clientId: "account-console" });
    expect(after!.attributes).toMatchObject({
      "oauth2.device.authorization.grant.enabled": "false",
      "oidc.ciba.grant.enabled": "false",
    });
    expect(await planRealm(realm.admin, realm.config)).toEqual([]);
  });

  test("offline_access mapped to a group or a subgroup (a default group too) is removed by provisioning, and the next plan is empty", async () => {
    const r = realm.config.realm;
    const offline = (await realm.admin.roles.findOneByName({ realm: r, name: "offline_access" }))!;
    const uma = (await realm.admin.roles.findOneByName({ realm: r, name: "uma_authorization" }))!;
    const { id: parentId } = await realm.admin.groups.create({ realm: r, name: "kumiai-offline" });
    const { id: childId } = await realm.admin.groups.createChildGroup({ realm: r, id: parentId }, { name: "kazoku" });
    const { id: quietId } = await realm.admin.groups.create({ realm: r, name: "kumiai-quiet" });
    await realm.admin.groups.addRealmRoleMappings({
      realm: r,
      id: parentId,
      roles: [
        { id: offline.id!, name: offline.name! },
        { id: uma.id!, name: uma.name! },
      ],
    });
    await realm.admin.groups.addRealmRoleMappings({
      realm: r,
      id: childId,
      roles: [{ id: offline.id!, name: offline.name! }],
    });
    await realm.admin.realms.addDefaultGroup({ realm: r, id: childId });
    try {
      const planned = await planRealm(realm.admin, realm.config);
      expect(planned.map((c) => `${c.section} ${c.target}`).sort()).toEqual([
        "side-doors group /kumiai-offline",
        "side-doors group /kumiai-offline/kazoku",
      ]);
      expect(planned[0]!.details).toEqual([
        "realm role offline_access → removed (its members would get offline tokens)",
      ]);
      await applyRealm(realm.admin, realm.config);
      const names = async (id: string) =>
        (await realm.admin.groups.listRealmRoleMappings({ realm: r, id })).map((role) => role.name).sort();
      expect(await names(parentId)).toEqual(["uma_authorization"]);
      expect(await names(childId)).toEqual([]);
      expect(await names(quietId)).toEqual([]);
      expect(await planRealm(realm.admin, realm.config)).toEqual([]);
    } finally {
      await realm.admin.realms.removeDefaultGroup({ realm: r, id: childId });
      await realm.admin.groups.del({ realm: r, id: parentId });
      await realm.admin.groups.del({ realm: r, id: quietId });
    }
  });

  async function stockFlowId(alias: string): Promise<string | undefined> {
    return (await realm.admin.authenticationManagement.getFlows({ realm: realm.config.realm })).find(
      (f) => f.alias === alias,
    )?.id;
  }
});
