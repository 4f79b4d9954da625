import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { connectCluster, killNode, startNode } from "../../runtime/cluster/cluster.js";
import { keycloakStatus } from "../../runtime/keycloak/server.js";
import { realmUsers } from "../../members/realm-users.js";
import { decodeJwt } from "../../journeys/http-login.js";
import {
  cardMember,
  freshCode,
  importMember,
  Journey,
  totpFromPage,
  passEmailCheck,
  type TestRealm,
} from "../../journeys/http-journey.js";
import { memberRegister, runCli, spawnCli } from "../support/kenpo-cli.js";
import { mailboxSmtp, startMailbox, type Mailbox } from "../support/mailbox.js";
import { provisionTestRealm, testAdmin } from "../../journeys/realm.js";
import { clusterNode, clusterPublic, testCluster, waitForClusterSize } from "./cluster-env.js";
import { FORM_FIELD, METHOD, PAGE, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { firstAttribute } from "../../members/attributes.js";

/**
 * Two production-mode Keycloak nodes on one PostgreSQL, clustered by Keycloak itself (jdbc-ping),
 * behind one public URL (a loopback balancer). A member's browser is sent to either node, as a load
 * balancer without sticky sessions would; nodes are killed with SIGKILL, as a crashed machine,
 * never shut down politely.
 */

const node1 = () => clusterNode(1);
const node2 = () => clusterNode(2);

/** Sends the journey's next requests (all to the public URL) straight to node `index`, bypassing the balancer. */
function onNode(j: Journey, index: 1 | 2): Journey {
  return j.reroute(clusterPublic().url, clusterNode(index).url);
}

/** The node that rendered the journey's current page. */
function servedBy(j: Journey): string {
  return new URL(j.browser.visited.at(-1)!).origin;
}

/** A test that killed node 1 leaves it down; the next one starts it again (it rejoins the cluster). */
async function bothNodesUp(): Promise<void> {
  const cluster = await connectCluster(testCluster().name);
  if (!(await keycloakStatus(cluster.nodes[0]!.name)).ready) await startNode(cluster, 1, { ephemeral: true });
  await waitForClusterSize(cluster.nodes, 2);
}

describe("two Keycloak nodes on PostgreSQL as one cluster", () => {
  let realm: TestRealm;
  let mailbox: Mailbox;

  beforeEach(bothNodesUp);
  beforeAll(async () => {
    mailbox = await startMailbox();
    realm = await provisionTestRealm("cluster", { smtp: mailboxSmtp(mailbox) }, clusterPublic());
  });
  afterAll(async () => {
    await realm.cleanup();
    await mailbox.close();
  });

  test("a first login that switches node at every step finishes with a token, and the returning login (password on node 2, OTP on node 1) too", async () => {
    const member = cardMember("roam.taro");
    await importMember(realm, member);
    const used = new Set<string>();
    const j = await (
      await onNode(new Journey(realm), 1).open()
    ).post({ username: "roam.taro", password: member.initialPassword }, PAGE.birthdate);
    expect(servedBy(j)).toBe(node1().url);
    await onNode(j, 2).post({ [FORM_FIELD.birthdate]: "19801201" }, PAGE.terms);
    expect(servedBy(j)).toBe(node2().url);
    await onNode(j, 1).post({ [FORM_FIELD.accept]: "同意する" }, PAGE.methodChoice);
    expect(servedBy(j)).toBe(node1().url);
    await onNode(j, 2).post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "" }, PAGE.emailCode);
    // Node 2 mailed the code and keeps it in the login's notes; node 1 checks it.
    await passEmailCheck(onNode(j, 1), mailbox, member.email!, "login-update-password.ftl");
    expect(servedBy(j)).toBe(node1().url);
    await onNode(j, 2).post(
      { "password-new": "Roam-Pass-2026", "password-confirm": "Roam-Pass-2026" },
      "login-config-totp.ftl",
    );
    expect(servedBy(j)).toBe(node2().url);
    const { secret, totp } = totpFromPage(j.page);
    await onNode(j, 1).post(
      { totp: await freshCode(totp, used), totpSecret: secret, userLabel: "iPhone", mode: "manual" },
      "portal",
    );
    expect(decodeJwt(j.tokens!.id_token).preferred_username).toBe("roam.taro");

    const again = await onNode(new Journey(realm), 2).open();
    await again.post({ username: "roam.taro", password: "Roam-Pass-2026" }, "login-otp.ftl");
    expect(servedBy(again)).toBe(node2().url);
    await onNode(again, 1).post({ otp: await freshCode(totp, used) }, "portal");
    expect(decodeJwt(again.tokens!.access_token).preferred_username).toBe("roam.taro");
  });

  test("node 1 is killed after ③; the member goes on at ④ through the balancer on node 2 and finishes the first login with nothing lost", async () => {
    const member = cardMember("crash.hanako", { symbol: "8", number: "88", birthdate: "1972-02-29" });
    await importMember(realm, member);
    const used = new Set<string>();
    const j = await (
      await onNode(new Journey(realm), 1).open()
    ).post({ username: "crash.hanako", password: member.initialPassword }, PAGE.birthdate);
    await j.post({ [FORM_FIELD.birthdate]: "S47.2.29" }, PAGE.terms);
    expect(servedBy(j)).toBe(node1().url);

    await killNode(testCluster(), 1);
    await expect(fetch(`${node1().url}/realms/${realm.config.realm}`)).rejects.toThrow();

    // From here on the member's browser goes through the public URL; node 2 is the only one left.
    // The birthdate check passed on node 1 lives only in the authentication session: node 2 has it.
    j.browser.routes.clear();
    await j.post({ [FORM_FIELD.accept]: "同意する" }, PAGE.methodChoice);
    await j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "" }, PAGE.emailCode);
    await passEmailCheck(j, mailbox, member.email!, "login-update-password.ftl");
    await j.post({ "password-new": "Crash-Pass-2026", "password-confirm": "Crash-Pass-2026" }, "login-config-totp.ftl");
    const { secret, totp } = totpFromPage(j.page);
    await j.post(
      { totp: await freshCode(totp, used), totpSecret: secret, userLabel: "Galaxy", mode: "manual" },
      "portal",
    );
    expect(decodeJwt(j.tokens!.id_token).preferred_username).toBe("crash.hanako");
    // ② and ③ were not asked again: after the crash, only ④ onwards.
    expect(j.browser.visited.slice(3).map((u) => new URL(u).origin)).toEqual(
      Array(j.browser.visited.length - 3).fill(clusterPublic().url),
    );

    const admin = await testAdmin(node2());
    try {
      const [user] = await admin.users.find({ realm: realm.config.realm, username: "crash.hanako", exact: true });
      expect(user).toMatchObject({ emailVerified: true, requiredActions: [] });
      expect(user?.attributes).toMatchObject({
        [USER_ATTRIBUTE.stage]: [STAGE.enrolling],
        [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp],
        [USER_ATTRIBUTE.birthdate]: ["1972-02-29"],
      });
      expect(firstAttribute(user, USER_ATTRIBUTE.termsAcceptedAt)).toMatch(/^\d+$/);
      const credentials = await admin.users.getCredentials({ realm: realm.config.realm, id: user!.id! });
      expect(credentials.map((c) => `${c.type}:${c.userLabel ?? ""}`).sort()).toEqual([
        "otp:Galaxy",
        "password-history:",
        "password:",
      ]);

      // The next login (node 1 still down) asks for the new password and the OTP device, and activates the member.
      const again = await new Journey(realm).open();
      await again.post({ username: "crash.hanako", password: "Crash-Pass-2026" }, "login-otp.ftl");
      await again.post({ otp: await freshCode(totp, used) }, "portal");
      const [active] = await admin.users.find({ realm: realm.config.realm, username: "crash.hanako", exact: true });
      expect(active?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.active]);
    } finally {
      admin.close();
    }
  });

  test("an import running against node 1 when node 1 is killed resumes against node 2 and ends complete: no duplicates, no gaps", async () => {
    const total = 300;
    const dir = mkdtempSync(join(tmpdir(), "kenpo-cluster-import-"));
    const file = join(dir, "register.csv");
    writeFileSync(file, memberRegister(total));
    const importRealm = await provisionTestRealm("cluster-import", {}, clusterPublic());
    const configFile = join(dir, "society.yaml");
    writeFileSync(configFile, stringify(importRealm.config));
    const admin2 = await testAdmin(node2());
    const count = () => admin2.users.count({ realm: importRealm.config.realm });
    try {
      const first = spawnCli(
        ["import-members", file, "--batch-size", "20", "--config", configFile, "--url", node1().url],
        testCluster(),
      );
      // Kill node 1 once some, but not all, batches are in.
      while ((await count()) < 60) await new Promise((r) => setTimeout(r, 100));
      await killNode(testCluster(), 1);
      const interrupted = await first.done;
      expect(interrupted.code).not.toBe(0);
      expect(interrupted.stderr).toContain("import interrupted");
      const partial = await count();
      expect(partial).toBeGreaterThanOrEqual(60);
      expect(partial).toBeLessThan(total);

      // The operator runs the same command again, now through the node that is left.
      const resumed = JSON.parse(
        (
          await runCli(
            ["import-members", file, "--config", configFile, "--url", node2().url, "--report", "json"],
            testCluster(),
          )
        ).stdout,
      ) as { created: number; skipped: number };
      expect(resumed).toMatchObject({ valid: total, updated: 0 });
      expect(resumed.created + resumed.skipped).toBe(total);
      expect(resumed.skipped).toBe(partial);

      const usernames: string[] = [];
      for await (const user of realmUsers(admin2, importRealm.config.realm, 100)) usernames.push(user.username!);
      expect(usernames.length).toBe(total);
      expect(new Set(usernames).size).toBe(total);
      expect(usernames.sort()).toEqual(Array.from({ length: total }, (_, i) => `member${i}`).sort());
    } finally {
      await admin2.realms.del({ realm: importRealm.config.realm }).catch(() => undefined);
      admin2.close();
      importRealm.admin.close();
      // Its realm went with node 2's admin above; what is left of the test realm is its mailbox.
      await importRealm.mailbox?.close();
    }
  });
});
