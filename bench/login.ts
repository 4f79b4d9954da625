/**
 * `npm run bench:login`: login throughput and latency of our journeys against one Keycloak node and
 * against the two-node cluster, next to stock Keycloak's plain username/password login, in one run.
 *
 * This process is the load generator (a second process next to the Keycloak JVMs, loopback only).
 * It starts its own cluster (PostgreSQL + production-mode nodes, see runtime/cluster) with only node 1,
 * measures, then starts node 2 and measures again with logins spread round-robin over both nodes
 * (each login stays on its node, as behind a load balancer with session affinity; requests go to the
 * nodes directly, not through the cluster's loopback balancer, which would add a hop of its own).
 *
 * Scenarios, each a complete login from opening the login page to the token, with a fresh member each:
 *  - stock:     Keycloak's built-in browser flow, username + password (same realm settings and theme).
 *  - returning: our flow, ② password + OTP code → portal (members imported active with an OTP device).
 *  - first:     our first login ② → ③ → ④ → ⑤ → ⑥ → ⑦ (mail link) → ⑭ OTP set-up → portal.
 *
 * Bounded: BENCH_LOGINS counted logins per scenario and target (default 60), BENCH_WARMUP (5),
 * BENCH_CONCURRENCY virtual members at once (4), BENCH_MAX_SECONDS per scenario (90). Prints a table;
 * asserts nothing.
 */
import type { TOTP } from "otpauth";
import { quantile } from "simple-statistics";
import { FORM_FIELD, METHOD, PAGE, STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import { writeMembers, type ImportMember } from "../members/keycloak-writer.js";
import { hashAlgorithmFromPolicy, hashPassword } from "../members/password-hash.js";
import { loadSocietyConfig } from "../realm-config/load.js";
import { applyRealm } from "../realm-config/provision.js";
import type { SocietyConfig } from "../realm-config/schema.js";
import { Journey, passEmailCheck, totpFromPage, type TestRealm } from "../journeys/http-journey.js";
import { otpApp, otpCredential, seededUser } from "../journeys/seed.js";
import { clusterSize, startCluster, startNode, stopCluster, type RunningCluster } from "../runtime/cluster/cluster.js";
import { connectAdmin } from "../runtime/keycloak/admin.js";
import { benchMembers } from "./members.js";
import { repoRoot } from "../runtime/keycloak/paths.js";
import { keycloakVersion } from "../runtime/keycloak/version.js";
import { mailboxSmtp, startMailbox, type Mailbox } from "../runtime/mail/mailbox.js";

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${process.env[name]}`);
  return value;
}

const logins = positiveInt("BENCH_LOGINS", 60);
const warmup = positiveInt("BENCH_WARMUP", 5);
const concurrency = positiveInt("BENCH_CONCURRENCY", 4);
const maxSeconds = positiveInt("BENCH_MAX_SECONDS", 90);
const perScenario = warmup + logins;

type Scenario = "stock" | "returning" | "first";

interface Result {
  target: string;
  scenario: Scenario;
  latencies: number[];
  errors: number;
  firstError?: string;
  seconds: number;
}

const cardMembers = (prefix: string, count: number) =>
  benchMembers(prefix, count, { numberBase: 3_000_000, firstName: "三郎" });

const RETURNING_PASSWORD = "Bench-Returning-2026";

/**
 * Members who finished their first login long ago: imported with the import's own hashing, marked
 * active, with one OTP device whose secret this process knows (seeded through journeys/seed.ts).
 */
async function importReturningMembers(
  admin: Awaited<ReturnType<typeof connectAdmin>>,
  realm: string,
  prefix: string,
  count: number,
): Promise<Map<string, TOTP>> {
  const realmRep = await admin.realms.findOne({ realm });
  const algorithm = hashAlgorithmFromPolicy(realmRep?.passwordPolicy);
  const devices = new Map<string, TOTP>();
  const password = await hashPassword(RETURNING_PASSWORD, algorithm);
  const acceptedTerms = String(Math.floor(Date.now() / 1000));
  const users = cardMembers(prefix, count).map((m) => {
    const secret = `bench-otp-${m.userId}-secret`;
    devices.set(m.userId, otpApp(secret));
    return seededUser({
      username: m.userId,
      number: m.number,
      symbol: m.symbol,
      birthdate: m.birthdate,
      firstName: m.firstName,
      lastName: m.lastName,
      email: m.email,
      password,
      attributes: {
        [USER_ATTRIBUTE.stage]: [STAGE.active],
        [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp],
        terms_and_conditions: [acceptedTerms],
      },
      credentials: [otpCredential(secret, "phone")],
    });
  });
  for (let i = 0; i < users.length; i += 200) {
    await admin.realms.partialImport({ realm, rep: { ifResourceExists: "FAIL", users: users.slice(i, i + 200) } });
  }
  return devices;
}

/**
 * Runs the warm-up logins one at a time (JIT, caches), then the timed ones with `concurrency`
 * virtual members at once; throughput is timed logins over the wall time of the timed part.
 */
async function drive(target: string, scenario: Scenario, login: (i: number) => Promise<void>): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const attempt = async (i: number, timed: boolean) => {
    const start = performance.now();
    try {
      await login(i);
      if (timed) latencies.push(performance.now() - start);
    } catch (error) {
      errors += 1;
      firstError ??= (error as Error).message
        .split("\n")
        .map((l) => l.trim())
        .join(" / ")
        .slice(0, 600);
    }
  };
  for (let i = 0; i < warmup; i += 1) await attempt(i, false);
  let next = warmup;
  const deadline = Date.now() + maxSeconds * 1000;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < perScenario && Date.now() < deadline; i = next++) await attempt(i, true);
    }),
  );
  return { target, scenario, latencies, errors, firstError, seconds: (performance.now() - begin) / 1000 };
}

const cluster: { running?: RunningCluster } = {};
const name = "bench-login";
let mailbox: Mailbox | undefined;
const results: Result[] = [];
const started = Date.now();
try {
  mailbox = await startMailbox();
  process.stderr.write("▶ starting PostgreSQL and Keycloak node 1 (production mode)…\n");
  cluster.running = await startCluster({ name, nodes: 2, ephemeral: true, startNodes: [1] });
  const [node1, node2] = cluster.running.nodes as [RunningCluster["nodes"][0], RunningCluster["nodes"][0]];
  const admin = await connectAdmin({
    url: node1.url,
    username: cluster.running.adminUser,
    password: cluster.running.adminPassword,
  });
  const base = loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`);
  const smtp = mailboxSmtp(mailbox);
  const realmOf = (config: SocietyConfig): TestRealm => ({
    config,
    admin,
    mailbox,
    cleanup: () => Promise.resolve(),
  });
  // Every node's hostname is the cluster's public URL; each login below is sent straight to its node.
  const publicUrl = cluster.running.publicUrl;
  const kenpo = realmOf({ ...base, realm: "bench-kenpo", server: { url: publicUrl }, smtp });
  const stock = realmOf({ ...base, realm: "bench-stock", server: { url: publicUrl }, smtp });
  await applyRealm(admin, kenpo.config);
  await applyRealm(admin, stock.config);
  await admin.realms.update({ realm: stock.config.realm }, { browserFlow: "browser" });

  process.stderr.write("▶ importing members…\n");
  const targets = ["1 node", "2 nodes"] as const;
  const members = {
    stock: Object.fromEntries(targets.map((t, k) => [t, cardMembers(`s${k}x`, perScenario)])),
    first: Object.fromEntries(targets.map((t, k) => [t, cardMembers(`f${k}x`, perScenario)])),
    returning: Object.fromEntries(targets.map((t, k) => [t, cardMembers(`r${k}x`, perScenario)])),
  };
  const devices = new Map<string, TOTP>();
  for (const t of targets) {
    await writeMembers(members.stock[t]!, { admin, realm: stock.config.realm });
    await writeMembers(members.first[t]!, { admin, realm: kenpo.config.realm });
    for (const [id, totp] of await importReturningMembers(
      admin,
      kenpo.config.realm,
      `r${targets.indexOf(t)}x`,
      perScenario,
    ))
      devices.set(id, totp);
  }

  const box = mailbox;
  /** Counts a login only if every page of it came from the node it was meant for. */
  const onlyFrom = (j: Journey, node: string) => {
    const stray = j.browser.visited.find((url) => !url.startsWith(node));
    if (stray) throw new Error(`a page came from ${stray}, not from ${node}`);
  };
  const scenarios: Record<Scenario, (realm: TestRealm, m: ImportMember, node: string) => Promise<void>> = {
    async stock(realm, m, node) {
      const j = await new Journey(realm).reroute(publicUrl, node).open();
      await j.post({ username: m.userId, password: m.initialPassword }, "portal");
      onlyFrom(j, node);
    },
    async returning(realm, m, node) {
      const j = await new Journey(realm).reroute(publicUrl, node).open();
      await j.post({ username: m.userId, password: RETURNING_PASSWORD }, "login-otp.ftl");
      await j.post({ otp: devices.get(m.userId)!.generate() }, "portal");
      onlyFrom(j, node);
    },
    async first(realm, m, node) {
      const j = await new Journey(realm).reroute(publicUrl, node).open();
      await j.post({ username: m.userId, password: m.initialPassword }, PAGE.birthdate);
      await j.post({ [FORM_FIELD.birthdate]: m.birthdate.replaceAll("-", "") }, PAGE.terms);
      await j.post({ [FORM_FIELD.accept]: "同意する" }, PAGE.methodChoice);
      await j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "" }, PAGE.emailCode);
      await passEmailCheck(j, box, m.email!, "login-update-password.ftl");
      await j.post(
        { "password-new": "Bench-First-2026", "password-confirm": "Bench-First-2026" },
        "login-config-totp.ftl",
      );
      const { secret, totp } = totpFromPage(j.page);
      await j.post({ totp: totp.generate(), totpSecret: secret, userLabel: "phone", mode: "manual" }, "portal");
      onlyFrom(j, node);
    },
  };

  for (const target of targets) {
    const nodes = target === "1 node" ? [node1.url] : [node1.url, node2.url];
    if (target === "2 nodes") {
      process.stderr.write("▶ starting Keycloak node 2; it joins node 1 through the database (jdbc-ping)…\n");
      await startNode(cluster.running, 2, { ephemeral: true });
      while ((await clusterSize(node1)) !== 2 || (await clusterSize(node2)) !== 2)
        await new Promise((r) => setTimeout(r, 250));
    }
    for (const scenario of ["stock", "returning", "first"] as const) {
      process.stderr.write(
        `▶ ${target}: ${scenario}, ${perScenario} logins (${warmup} warm-up), ${concurrency} at once…\n`,
      );
      const realm = scenario === "stock" ? stock : kenpo;
      const list = members[scenario][target]!;
      const result = await drive(target, scenario, (i) =>
        scenarios[scenario](realm, list[i]!, nodes[i % nodes.length]!),
      );
      results.push(result);
      if (result.errors) process.stderr.write(`  ${result.errors} failed; first: ${result.firstError}\n`);
    }
  }
  admin.close();
} finally {
  await mailbox?.close();
  await stopCluster(name);
}

const label: Record<Scenario, string> = {
  stock: "stock Keycloak: password",
  returning: "kenpo returning: password + OTP",
  first: "kenpo first login ②–⑭",
};
const ms = (values: number[], p: number) => (values.length ? quantile(values, p / 100).toFixed(0) : "-");
console.log(
  `\nLogin benchmark, Keycloak ${keycloakVersion()} production mode on PostgreSQL (loopback, HTTP), ` +
    `${logins} timed logins per row after ${warmup} warm-up, ${concurrency} concurrent members, load generator in its own process; ` +
    `total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
const header = ["target", "scenario", "ok", "failed", "logins/s", "p50 ms", "p95 ms", "p99 ms", "p50 vs stock"];
const rows = results.map((r) => {
  const stockRow = results.find((s) => s.target === r.target && s.scenario === "stock");
  const ratio =
    stockRow && stockRow.latencies.length && r.latencies.length
      ? `${(quantile(r.latencies, 0.5) / quantile(stockRow.latencies, 0.5)).toFixed(1)}×`
      : "-";
  return [
    r.target,
    label[r.scenario],
    String(r.latencies.length),
    String(r.errors),
    r.seconds > 0 ? (r.latencies.length / r.seconds).toFixed(1) : "-",
    ms(r.latencies, 50),
    ms(r.latencies, 95),
    ms(r.latencies, 99),
    ratio,
  ];
});
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
const line = (cells: string[]) =>
  cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows) console.log(line(row));
