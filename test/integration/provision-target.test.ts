import { execFile, execFileSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { createServer, type Server } from "node:https";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { EXIT_CODE } from "../../contracts/index.js";
import { testKeycloak } from "../../journeys/keycloak-env.js";
import { testAdmin, testConfig, uniqueRealm } from "../../journeys/realm.js";
import type { ProvisionReport } from "../../realm-config/provision.js";
import { repoRoot } from "../../runtime/keycloak/paths.js";
import { freePort } from "../../runtime/keycloak/ports.js";
import { startKeycloak, stopKeycloak } from "../../runtime/keycloak/server.js";
import { cliEnv } from "../support/kenpo-cli.js";

/**
 * provision against the server it is pointed at: the check before any plan (a stock Keycloak),
 * a service account instead of an admin user, and a private CA in front of Keycloak.
 */

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "kenpo-target-"));

function kenpo(args: string[], env: NodeJS.ProcessEnv) {
  return run("npx", ["tsx", "cli/kenpo.ts", ...args], { cwd: repoRoot, env });
}

function societyFile(name: string, realm = uniqueRealm("target"), url = testKeycloak().url): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(testConfig("target", { realm, server: { url } })));
  return file;
}

describe("provision checks the server first", () => {
  const stockName = `stock-${process.pid}`;
  let stock: { url: string; adminUser: string; adminPassword: string };

  beforeAll(async () => {
    // A Keycloak as an operator first gets it: no JARs of ours, no scripts feature.
    const given = process.env.KENPO_TEST_STOCK_KEYCLOAK_URL;
    stock = given
      ? { url: given, adminUser: "admin", adminPassword: "admin" }
      : await startKeycloak({ name: stockName, providers: [], features: [], ephemeral: true, startTimeout: 900 });
  }, 1_000_000);
  afterAll(async () => {
    if (!process.env.KENPO_TEST_STOCK_KEYCLOAK_URL) await stopKeycloak(stockName);
  });

  test("a stock Keycloak is refused before anything is planned or written, naming the feature and the JARs; exit 5", async () => {
    const realm = uniqueRealm("stock");
    const file = societyFile("stock", realm, stock.url);
    for (const extra of [["--dry-run"], []]) {
      const refused = await kenpo(["provision", "--config", file, ...extra], cliEnv(stock)).then(
        () => undefined,
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(refused).toMatchObject({ code: EXIT_CODE.unfitServer, stdout: "" });
      expect(refused!.stderr).toContain(
        `Keycloak at ${stock.url} cannot take this realm; nothing was planned or written`,
      );
      expect(refused!.stderr).toContain("the scripts feature is off");
      expect(refused!.stderr).toContain("start Keycloak with --features=scripts");
      expect(refused!.stderr).toContain(`the login theme "kenpo" is missing`);
    }
    const admin = await testAdmin(stock);
    try {
      expect(await admin.realms.findOne({ realm })).toBeFalsy();
    } finally {
      admin.close();
    }
  }, 900_000);
});

describe("provision's exit codes and JSON report", () => {
  test("invalid config 4, unreachable server 5", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, stringify({ ...testConfig("bad"), policies: { passwordMinLength: 4 } }));
    await expect(kenpo(["provision", "--config", bad], cliEnv(testKeycloak()))).rejects.toMatchObject({
      code: EXIT_CODE.invalidConfig,
    });
    const file = societyFile("unreachable");
    // A port nobody listens on: free a moment ago, never given to anything.
    const closed = `http://127.0.0.1:${await freePort()}`;
    await expect(kenpo(["provision", "--config", file, "--url", closed], cliEnv(testKeycloak()))).rejects.toMatchObject(
      {
        code: EXIT_CODE.unfitServer,
        stderr: expect.stringContaining(`cannot reach Keycloak's admin API at ${closed} (realm master): ECONNREFUSED`),
      },
    );
  });

  test("--report json: the dry run of a new realm lists the steps the apply then takes", async () => {
    const realm = uniqueRealm("json");
    const file = societyFile("json", realm);
    const env = cliEnv(testKeycloak());
    const dry = JSON.parse(
      (await kenpo(["provision", "--config", file, "--dry-run", "--report", "json"], env)).stdout,
    ) as ProvisionReport;
    const applied = JSON.parse(
      (await kenpo(["provision", "--config", file, "--report", "json"], env)).stdout,
    ) as ProvisionReport;
    const again = JSON.parse(
      (await kenpo(["provision", "--config", file, "--report", "json"], env)).stdout,
    ) as ProvisionReport;
    const admin = await testAdmin();
    await admin.realms.del({ realm }).catch(() => undefined);
    admin.close();

    expect(dry).toMatchObject({ realm, dryRun: true, applied: 0 });
    expect(dry.changes.length).toBeGreaterThan(5);
    expect(dry.changes[0]).toEqual({
      section: "realm",
      action: "create",
      target: `realm ${realm}`,
      description: `create realm ${realm}`,
      details: expect.any(Array),
    });
    expect(applied).toMatchObject({ realm, dryRun: false, applied: dry.changes.length });
    expect(applied.changes).toEqual(dry.changes);
    expect(again).toEqual({ realm, dryRun: false, changes: [], applied: 0 });
  }, 900_000);
});

describe("admin access", () => {
  let admin: Awaited<ReturnType<typeof testAdmin>>;
  const made: string[] = [];
  beforeAll(async () => {
    admin = await testAdmin();
  });
  afterAll(async () => {
    for (const realm of made) await admin.realms.del({ realm }).catch(() => undefined);
    for (const clientId of ["kenpo-ops", "kenpo-viewer"]) {
      const [client] = await admin.clients.find({ realm: "master", clientId });
      if (client?.id) await admin.clients.del({ realm: "master", id: client.id });
    }
    admin.close();
  });

  /**
   * A confidential client in master whose service account holds master's realm role `role`, or
   * else only master-realm's view-users and view-clients (an account that may look, not create).
   */
  async function serviceAccount(clientId: string, role?: string): Promise<NodeJS.ProcessEnv> {
    const { id } = await admin.clients.create({
      realm: "master",
      clientId,
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
    const user = await admin.clients.getServiceAccountUser({ realm: "master", id });
    if (role) {
      const granted = await admin.roles.findOneByName({ realm: "master", name: role });
      await admin.users.addRealmRoleMappings({
        realm: "master",
        id: user.id!,
        roles: [{ id: granted!.id!, name: granted!.name! }],
      });
    } else {
      const [masterRealm] = await admin.clients.find({ realm: "master", clientId: "master-realm" });
      const roles = await Promise.all(
        ["view-users", "view-clients", "view-realm"].map((name) =>
          admin.clients.findRole({ realm: "master", id: masterRealm!.id!, roleName: name }),
        ),
      );
      await admin.users.addClientRoleMappings({
        realm: "master",
        id: user.id!,
        clientUniqueId: masterRealm!.id!,
        roles: roles.map((r) => ({ id: r!.id!, name: r!.name! })),
      });
    }
    const { value } = await admin.clients.getClientSecret({ realm: "master", id });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KENPO_ADMIN_CLIENT_ID: clientId,
      KENPO_ADMIN_CLIENT_SECRET: value!,
    };
    delete env.KENPO_ADMIN_USER;
    delete env.KENPO_ADMIN_PASSWORD;
    return env;
  }

  test("a client-credentials service account with master's admin role provisions; one without may not create the realm (exit 5)", async () => {
    const realm = uniqueRealm("svc");
    made.push(realm);
    const file = societyFile("svc", realm);

    const viewer = await serviceAccount("kenpo-viewer");
    const refused = await kenpo(["provision", "--config", file, "--admin-realm", "master"], viewer).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({
      code: EXIT_CODE.unfitServer,
      stderr: expect.stringContaining(
        `cannot take this realm; nothing was planned or written:\n  - the admin account may not create realms (realm ${realm} does not exist yet)`,
      ),
    });
    expect(await admin.realms.findOne({ realm })).toBeFalsy();

    const ops = await serviceAccount("kenpo-ops", "admin");
    const { stdout } = await kenpo(["provision", "--config", file], { ...ops, KENPO_ADMIN_REALM: "master" });
    expect(stdout).toMatch(new RegExp(`applied \\d+ change\\(s\\) to realm ${realm}`));
    expect(await admin.realms.findOne({ realm })).toMatchObject({ realm, loginTheme: "kenpo" });
  }, 900_000);

  test("a private CA: trusted through NODE_EXTRA_CA_CERTS; without it, the error names the certificate and the variable", async () => {
    const ca = privateCa();
    const front = await httpsFront(ca, testKeycloak().url);
    try {
      const url = `https://localhost:${(front.address() as AddressInfo).port}`;
      const realm = uniqueRealm("tls");
      made.push(realm);
      const file = societyFile("tls", realm, url);
      const env = cliEnv(testKeycloak());
      delete env.NODE_EXTRA_CA_CERTS;

      const untrusted = await kenpo(["provision", "--config", file], env).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(untrusted).toMatchObject({
        code: EXIT_CODE.unfitServer,
        stderr: expect.stringMatching(
          /its TLS certificate is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: .*\); for a private CA, set NODE_EXTRA_CA_CERTS/,
        ),
      });

      const { stdout } = await kenpo(["provision", "--config", file], { ...env, NODE_EXTRA_CA_CERTS: ca.caFile });
      expect(stdout).toMatch(new RegExp(`applied \\d+ change\\(s\\) to realm ${realm}`));
      expect(await admin.realms.findOne({ realm })).toMatchObject({ realm });
    } finally {
      front.close();
    }
  }, 900_000);
});

/** A CA and a certificate for localhost it signed, made with openssl as an operator would. */
function privateCa(): { caFile: string; key: string; cert: string } {
  const at = (f: string) => join(dir, f);
  const openssl = (args: string[]) => execFileSync("openssl", args, { stdio: "ignore" });
  openssl([
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    at("ca.key"),
    "-out",
    at("ca.pem"),
    "-days",
    "1",
    "-subj",
    "/CN=kenpo test CA",
  ]);
  openssl([
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    at("tls.key"),
    "-out",
    at("tls.csr"),
    "-subj",
    "/CN=localhost",
  ]);
  writeFileSync(at("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
  openssl([
    "x509",
    "-req",
    "-in",
    at("tls.csr"),
    "-CA",
    at("ca.pem"),
    "-CAkey",
    at("ca.key"),
    "-CAcreateserial",
    "-out",
    at("tls.pem"),
    "-days",
    "1",
    "-extfile",
    at("san.ext"),
  ]);
  return { caFile: at("ca.pem"), key: readFileSync(at("tls.key"), "utf8"), cert: readFileSync(at("tls.pem"), "utf8") };
}

/** HTTPS in front of Keycloak's HTTP port, as a reverse proxy with the society's certificate would be. */
async function httpsFront(tls: { key: string; cert: string }, target: string): Promise<Server> {
  const upstream = new URL(target);
  const server = createServer(tls, (req, res) => {
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
