/**
 * `npm run bench:steps`: the server time our custom first-login steps add to a login, against stock
 * Keycloak's username/password login, measured side by side on one Keycloak in one run.
 *
 * Two realms from the same society config (same password hashing, same theme): "kenpo" with our
 * browser flow, "stock" switched back to Keycloak's built-in browser flow. Every login is a fresh
 * member walking ② → ③ → ④ → ⑤ over HTTP from this process (one request at a time, so the figures
 * are service times, not queueing). Each step's time is its form post plus the redirects to the next
 * page, as a browser experiences it on loopback. Prints p50/p95; asserts nothing.
 */
import { FORM_FIELD, METHOD, PAGE } from "../contracts/index.js";
import { writeMembers } from "../members/keycloak-writer.js";
import { loadSocietyConfig } from "../realm-config/load.js";
import { applyRealm } from "../realm-config/provision.js";
import type { SocietyConfig } from "../realm-config/schema.js";
import { Journey, mailedCode, type TestRealm } from "../journeys/http-journey.js";
import { mailboxSmtp, startMailbox } from "../runtime/mail/mailbox.js";
import { connectAdmin } from "../runtime/keycloak/admin.js";
import { benchMembers } from "./members.js";
import { repoRoot } from "../runtime/keycloak/paths.js";
import { startKeycloak, stopKeycloak } from "../runtime/keycloak/server.js";
import { keycloakVersion } from "../runtime/keycloak/version.js";
import { quantile } from "simple-statistics";

const percentile = (values: number[], p: number): number => quantile(values, p / 100);

const logins = Number(process.env.BENCH_LOGINS ?? 200);
const warmup = Number(process.env.BENCH_WARMUP ?? 20);
if (!Number.isInteger(logins) || logins < 1)
  throw new Error(`BENCH_LOGINS must be a positive integer, got ${process.env.BENCH_LOGINS}`);

const members = (prefix: string, count: number) =>
  benchMembers(prefix, count, { numberBase: 2_000_000, firstName: "次郎" });

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

type Samples = Record<string, number[]>;

function record(samples: Samples, step: string, ms: number, counted: boolean): void {
  if (!counted) return;
  (samples[step] ??= []).push(ms);
}

const name = "bench-steps";
const kc = await startKeycloak({ name, ephemeral: true, httpPort: 0, managementPort: 0 });
// The email check mails a code: a real SMTP server, as in the tests.
const mailbox = await startMailbox();
try {
  const admin = await connectAdmin({ url: kc.url, username: kc.adminUser, password: kc.adminPassword });
  const base = loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`);
  const realmOf = (config: SocietyConfig): TestRealm => ({ config, admin, mailbox, cleanup: () => Promise.resolve() });
  const smtp = mailboxSmtp(mailbox);
  const kenpo = realmOf({ ...base, realm: "bench-kenpo", server: { url: kc.url }, smtp });
  const stock = realmOf({ ...base, realm: "bench-stock", server: { url: kc.url }, smtp });
  await applyRealm(admin, kenpo.config);
  await applyRealm(admin, stock.config);
  await admin.realms.update({ realm: stock.config.realm }, { browserFlow: "browser" });

  const total = warmup + logins;
  const ours = members("k", total);
  const theirs = members("s", total);
  await writeMembers(ours, { admin, realm: kenpo.config.realm });
  await writeMembers(theirs, { admin, realm: stock.config.realm });

  const samples: Samples = {};
  for (let i = 0; i < total; i += 1) {
    const counted = i >= warmup;
    // Alternate the two realms so that drift in machine load hits both alike.
    const s = new Journey(stock);
    record(samples, "stock: login page", await timed(() => s.open()), counted);
    record(
      samples,
      "stock: ② password → portal",
      await timed(() => s.post({ username: theirs[i]!.userId, password: theirs[i]!.initialPassword }, "portal")),
      counted,
    );

    const m = ours[i]!;
    const j = new Journey(kenpo);
    record(samples, "kenpo: login page", await timed(() => j.open()), counted);
    record(
      samples,
      "kenpo: ② password → ③",
      await timed(() => j.post({ username: m.userId, password: m.initialPassword }, PAGE.birthdate)),
      counted,
    );
    record(
      samples,
      "kenpo: ③ birthdate → ④",
      await timed(() => j.post({ [FORM_FIELD.birthdate]: m.birthdate.replaceAll("-", "") }, PAGE.terms)),
      counted,
    );
    record(
      samples,
      "kenpo: ④ terms → ⑤",
      await timed(() => j.post({ [FORM_FIELD.accept]: "同意する" }, PAGE.methodChoice)),
      counted,
    );
    record(
      samples,
      "kenpo: ⑤ method → email check",
      await timed(() => j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "" }, PAGE.emailCode)),
      counted,
    );
    const code = await mailedCode(mailbox, m.email!);
    record(
      samples,
      "kenpo: email code → password",
      await timed(() => j.post({ [FORM_FIELD.emailCode]: code }, "login-update-password.ftl")),
      counted,
    );
    if ((i + 1) % 50 === 0) process.stderr.write(`  ${i + 1}/${total} logins\n`);
  }

  const stockLogin = percentile(samples["stock: ② password → portal"]!, 50);
  const stockLogin95 = percentile(samples["stock: ② password → portal"]!, 95);
  console.log(
    `\nServer time per step, ${logins} logins per realm (after ${warmup} warm-up), Keycloak ${keycloakVersion()} on ${kc.url}`,
  );
  console.log(`${"step".padEnd(30)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}   vs stock ② (p50 / p95)`);
  for (const [step, values] of Object.entries(samples)) {
    const p50 = percentile(values, 50);
    const p95 = percentile(values, 95);
    const ratio =
      step.startsWith("kenpo") && !step.endsWith("login page")
        ? `   ${(p50 / stockLogin).toFixed(2)}× / ${(p95 / stockLogin95).toFixed(2)}×`
        : "";
    console.log(`${step.padEnd(30)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}${ratio}`);
  }
  const custom = [
    "kenpo: ③ birthdate → ④",
    "kenpo: ④ terms → ⑤",
    "kenpo: ⑤ method → email check",
    "kenpo: email code → password",
  ].map((k) => percentile(samples[k]!, 50));
  const passwordDelta = percentile(samples["kenpo: ② password → ③"]!, 50) - stockLogin;
  console.log(
    `\nAdded by the custom steps (p50 sum of ③ ④ ⑤ and the email check, its mail included): ${custom.reduce((a, b) => a + b, 0).toFixed(1)} ms per first login;`,
  );
  console.log(
    `② in our flow vs stock ② (p50 difference): ${passwordDelta >= 0 ? "+" : ""}${passwordDelta.toFixed(1)} ms.`,
  );
  admin.close();
} finally {
  await stopKeycloak(name);
  await mailbox.close();
}
