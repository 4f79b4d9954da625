/**
 * `npm run bench:theme`: every page of a member's first login in our theme (`kenpo`) against stock
 * Keycloak's default login page (`keycloak.v2`), on one Keycloak, in Debian's headless chromium under
 * phone-like conditions (DevTools' "Fast 3G" network, 4× CPU slowdown, a 390 px phone).
 *
 * Per page: bytes transferred, requests, first contentful paint and the moment the form accepts input
 * (its first field present, enabled and painted), as medians of BENCH_RUNS loads; cold (a fresh browser
 * context, cache off) and repeat visits (the theme's resources cached by an earlier page of the same
 * theme, as a member's browser has them from the login page). A first-login page is reached by a fresh
 * member walking the steps before it over HTTP; chromium then takes over the member's cookies and sends
 * the form that leads to the page, so its figures include that post, as on a phone. The two themes
 * alternate. Prints figures and ratios against stock's login page, and for ⑥ also against stock's own
 * update-password page reached the same way (Keycloak's redirect into a required action); asserts nothing. BENCH_DEBUG=1 also prints
 * each request and each response's bytes and cache headers (to see what a repeat visit loads again).
 */
import { chromium, type Browser, type BrowserContext, type Page as PwPage } from "playwright-core";
import { FORM_FIELD, METHOD, PAGE, STAGE, USER_ATTRIBUTE, type Method } from "../contracts/index.js";
import { Journey, mailedCode, type TestRealm } from "../journeys/http-journey.js";
import { otpApp, otpCredential, seededUser, seedMembers } from "../journeys/seed.js";
import { writeMembers, type ImportMember } from "../members/keycloak-writer.js";
import { loadSocietyConfig } from "../realm-config/load.js";
import { applyRealm } from "../realm-config/provision.js";
import { connectAdmin } from "../runtime/keycloak/admin.js";
import { repoRoot } from "../runtime/keycloak/paths.js";
import { startKeycloak, stopKeycloak } from "../runtime/keycloak/server.js";
import { mailboxSmtp, startMailbox } from "../runtime/mail/mailbox.js";
import { benchMembers } from "./members.js";

const runs = Number(process.env.BENCH_RUNS ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a positive integer, got ${runs}`);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Chrome DevTools' "Fast 3G" preset (latency and throughput already include its 0.9 / 3.75 factors).
const network = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
const cpuSlowdown = 4;
const newPassword = "Bench-First-2026";
const STOCK_OTP_SECRET = "bench-stock-otp-secret-01";

interface Sample {
  bytes: number;
  requests: number;
  fcp: number;
  /** Of which a redirect before the page (Keycloak's 302 from its login flow into a required action). */
  redirect: number;
  /** The page's first field present, enabled and painted (not before first paint). */
  usable: number;
}

/**
 * A page to measure. `reach` walks a fresh member over HTTP up to the page before it and returns that
 * journey and the fields whose post leads to the page; the login pages are opened directly.
 */
interface Target {
  label: string;
  realm: "kenpo" | "stock";
  pageId: string;
  /**
   * What the member acts on first (a CSS selector): when it is there and enabled, the member can start.
   * On ⑭ and the passkey page that is the ⑧ panel's "set up here" button.
   */
  usable: string;
  reach?: (m: ImportMember) => Promise<{ journey: Journey; fields: Record<string, string> }>;
  /** The stock page that is this one's like (the same page after the same redirect), for a second ratio. */
  twin?: string;
}

function loginUrl(base: string, realm: string): string {
  const params = new URLSearchParams({
    client_id: "account-console",
    redirect_uri: `${base}/realms/${realm}/account/`,
    response_type: "code",
    scope: "openid",
    ui_locales: "ja",
    // account-console requires PKCE; the page is only displayed, so any valid challenge will do.
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
  });
  return `${base}/realms/${realm}/protocol/openid-connect/auth?${params}`;
}

/**
 * Runs in every document from its start: notes when `selector` first matches an enabled element. A
 * string, not a function: tsx would add its name helpers to a function, which the page does not have.
 */
function watchUsable(selector: string): string {
  return `(() => {
    const check = () => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (window.__usableAt === undefined && el && !el.disabled && !el.closest("fieldset:disabled"))
        window.__usableAt = performance.now();
      return window.__usableAt !== undefined;
    };
    if (check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

async function newPhone(browser: Browser, target: Target): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: "ja-JP",
  });
  await context.addInitScript({ content: watchUsable(target.usable) });
  return context;
}

/** Loads `open` (a navigation) throttled and counts what it transfers, on this page from now on. */
async function throttledLoad(context: BrowserContext, page: PwPage, cached: boolean, open: () => Promise<void>) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: !cached });
  await cdp.send("Network.emulateNetworkConditions", network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.requestWillBeSent", (e) => {
    requests += 1;
    if (process.env.BENCH_DEBUG) process.stderr.write(`  > ${e.request.url.slice(-60)}\n`);
  });
  const urls = new Map<string, string>();
  cdp.on("Network.responseReceived", (e) =>
    urls.set(
      e.requestId,
      `${e.response.url.slice(-40)} ${e.response.fromDiskCache ? "disk" : ""} ${e.response.headers["cache-control"] ?? e.response.headers["Cache-Control"] ?? ""}`,
    ),
  );
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
    if (process.env.BENCH_DEBUG) process.stderr.write(`    ${e.encodedDataLength} ${urls.get(e.requestId)}\n`);
  });
  await open();
  await page.waitForLoadState("networkidle", { timeout: 120_000 });
  const { fcp, redirect, usableAt } = await page.evaluate(async () => {
    const fcp = await new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName("first-contentful-paint")[0];
        if (entry) resolve(entry.startTime);
      }).observe({ type: "paint", buffered: true });
    });
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const redirect = nav && nav.redirectEnd > 0 ? nav.redirectEnd - nav.startTime : 0;
    return { fcp, redirect, usableAt: (window as unknown as { __usableAt?: number }).__usableAt };
  });
  await cdp.detach();
  return { bytes, requests, fcp, redirect, usableAt };
}

async function measure(
  browser: Browser,
  kcUrl: string,
  realms: Record<Target["realm"], TestRealm>,
  target: Target,
  member: ImportMember | undefined,
  cached: boolean,
): Promise<Sample> {
  const context = await newPhone(browser, target);
  try {
    const page = await context.newPage();
    // A repeat visit: the member's browser already holds the theme's resources from its login page.
    if (cached) await page.goto(loginUrl(kcUrl, realms[target.realm].config.realm), { waitUntil: "networkidle" });
    let open: () => Promise<void>;
    if (!target.reach) {
      open = async () => {
        const response = await page.goto(loginUrl(kcUrl, realms[target.realm].config.realm), { timeout: 120_000 });
        if (!response?.ok()) throw new Error(`${target.label}: HTTP ${response?.status()}`);
      };
    } else {
      if (!member) throw new Error(`${target.label} needs a member`);
      const { journey, fields } = await target.reach(member);
      // Stock pages carry no kcContext: their form's action is the same URL.
      const action = journey.page.kcContext?.url.loginAction ?? journey.page.$("form").first().attr("action");
      if (!action) throw new Error(`${target.label}: no form on ${journey.pageId}`);
      const cookies = await journey.browser.jar.getCookies(action);
      await context.addCookies(
        cookies.map((c) => ({
          name: c.key,
          value: c.value,
          domain: c.domain ?? new URL(kcUrl).hostname,
          path: c.path ?? "/",
          httpOnly: c.httpOnly,
          secure: c.secure,
          sameSite: "Lax" as const,
        })),
      );
      // The page before, as the member's browser has it: a form that posts to Keycloak (same origin).
      const start = `${kcUrl}/bench-start`;
      const inputs = Object.entries(fields)
        .map(([n, v]) => `<input type="hidden" name="${n}" value="${v.replaceAll('"', "&quot;")}">`)
        .join("");
      await page.route(start, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><form method="post" action="${action.replaceAll("&", "&amp;")}">${inputs}</form>`,
        }),
      );
      await page.goto(start);
      // Playwright bypasses the HTTP cache while a route is set: a repeat visit would load everything again.
      await page.unroute(start);
      open = async () => {
        await Promise.all([
          page.waitForURL((u) => !u.pathname.endsWith("/bench-start"), { waitUntil: "commit", timeout: 120_000 }),
          page.evaluate(() => document.forms[0]!.submit()),
        ]);
      };
    }
    const loaded = await throttledLoad(context, page, cached, open);
    const shown = await page.evaluate(
      () => (window as unknown as { kcContext?: { pageId?: string } }).kcContext?.pageId,
    );
    // Figures of an error page would say nothing about the page we meant.
    if (target.realm === "kenpo" && shown !== target.pageId)
      throw new Error(`${target.label}: expected ${target.pageId}, got ${shown}`);
    const usableAt = await page
      .waitForFunction(() => (window as unknown as { __usableAt?: number }).__usableAt, null, { timeout: 30_000 })
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => {
        throw new Error(`${target.label}: ${target.usable} never became usable`);
      });
    return {
      bytes: loaded.bytes,
      requests: loaded.requests,
      fcp: loaded.fcp,
      redirect: loaded.redirect,
      usable: Math.max(usableAt, loaded.fcp),
    };
  } finally {
    await context.close();
  }
}

function twinRatio(twin: Sample[], fcp: number, usable: number): string {
  const ratio = (ours: number, theirs: number) => (ours / theirs).toFixed(2);
  return `${ratio(fcp, median(twin.map((x) => x.fcp)))} / ${ratio(usable, median(twin.map((x) => x.usable)))}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => `  ${r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join("  ")}\n`)
    .join("");
}

// A deployed Keycloak caches themes, and only then gzips theme resources; the dev-mode default serves
// them uncompressed. BENCH_DEV_THEMES=1 measures the dev-mode serving instead.
const devThemes = process.env.BENCH_DEV_THEMES === "1";
// Dev mode also sends theme resources with "no-cache" (static max age -1); deployed, they are kept a month.
const themeCaching = devThemes
  ? []
  : ["--spi-theme--cache-themes=true", "--spi-theme--cache-templates=true", "--spi-theme--static-max-age=2592000"];

const name = "bench-theme";
// A busy machine can take minutes to build Keycloak's augmented image.
const kc = await startKeycloak({
  name,
  ephemeral: true,
  httpPort: 0,
  managementPort: 0,
  extraArgs: themeCaching,
  startTimeout: 900,
});
// The email check mails a code: a real SMTP server, as in the tests.
const mailbox = await startMailbox();
let browser: Browser | undefined;
try {
  const admin = await connectAdmin({ url: kc.url, username: kc.adminUser, password: kc.adminPassword });
  const base = loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`);
  const realmOf = (realm: string): TestRealm => ({
    config: { ...base, realm, server: { url: kc.url }, smtp: mailboxSmtp(mailbox) },
    admin,
    mailbox,
    cleanup: () => Promise.resolve(),
  });
  const realms = { kenpo: realmOf("bench-kenpo"), stock: realmOf("bench-stock") };
  for (const r of Object.values(realms)) await applyRealm(admin, r.config);
  await admin.realms.update({ realm: realms.stock.config.realm }, { loginTheme: "keycloak.v2" });

  // Each step's journey ends one post before the next page; a page's reach is the step before it.
  const login = async (m: ImportMember) => ({
    journey: await new Journey(realms.kenpo).open(),
    fields: { username: m.userId, password: m.initialPassword },
  });
  const then =
    (
      before: (m: ImportMember) => Promise<{ journey: Journey; fields: Record<string, string> }>,
      next: string,
      fields: (m: ImportMember) => Record<string, string> | Promise<Record<string, string>>,
    ) =>
    async (m: ImportMember) => {
      const { journey, fields: posted } = await before(m);
      await journey.post(posted, next);
      return { journey, fields: await fields(m) };
    };
  const birthdate = then(login, PAGE.birthdate, (m) => ({ [FORM_FIELD.birthdate]: m.birthdate.replaceAll("-", "") }));
  const terms = then(birthdate, PAGE.terms, () => ({ [FORM_FIELD.accept]: "同意する" }));
  const chosen = (method: Method) =>
    then(terms, PAGE.methodChoice, () => ({ [FORM_FIELD.method]: method, [FORM_FIELD.newUserId]: "" }));
  const emailCode = (method: Method) =>
    then(chosen(method), PAGE.emailCode, async (m) => ({
      [FORM_FIELD.emailCode]: await mailedCode(mailbox, m.email!),
    }));
  const password = (method: Method) =>
    then(emailCode(method), "login-update-password.ftl", () => ({
      "password-new": newPassword,
      "password-confirm": newPassword,
    }));

  // Stock ⑥: an active member of the stock realm whom an admin asked for a new password, after the
  // password and the OTP code: Keycloak's own update-password page after the same 302 as our ⑥.
  const stockUpdatePassword: Target = {
    label: "stock keycloak.v2 update password",
    realm: "stock",
    pageId: "login-update-password.ftl",
    usable: "[name=password-new]",
    reach: async (m) => {
      const journey = await new Journey(realms.stock).open();
      await journey.post({ username: m.userId, password: newPassword }, "kc-otp-login-form");
      return { journey, fields: { otp: otpApp(STOCK_OTP_SECRET).generate() } };
    },
  };
  const stockLogin: Target = {
    label: "stock keycloak.v2 login",
    realm: "stock",
    pageId: "login.ftl",
    usable: "[name=password]",
  };
  const targets: Target[] = [
    { label: "② login", realm: "kenpo", pageId: "login.ftl", usable: "[name=password]" },
    {
      label: "③ birthdate",
      realm: "kenpo",
      pageId: PAGE.birthdate,
      usable: `[name=${FORM_FIELD.birthdate}]`,
      reach: login,
    },
    { label: "④ terms", realm: "kenpo", pageId: PAGE.terms, usable: `[name=${FORM_FIELD.accept}]`, reach: birthdate },
    {
      label: "⑤ method",
      realm: "kenpo",
      pageId: PAGE.methodChoice,
      usable: `[name=${FORM_FIELD.method}]`,
      reach: terms,
    },
    {
      label: "email code",
      realm: "kenpo",
      pageId: PAGE.emailCode,
      usable: `[name=${FORM_FIELD.emailCode}]`,
      reach: chosen(METHOD.otp),
    },
    {
      label: "⑥ new password",
      realm: "kenpo",
      pageId: "login-update-password.ftl",
      usable: "[name=password-new]",
      reach: emailCode(METHOD.otp),
      twin: stockUpdatePassword.label,
    },
    {
      label: "⑭ OTP setup",
      realm: "kenpo",
      pageId: "login-config-totp.ftl",
      usable: "#kp-set-up-here",
      reach: password(METHOD.otp),
    },
    {
      label: "passkey",
      realm: "kenpo",
      pageId: "webauthn-register.ftl",
      usable: "#kp-set-up-here",
      reach: password(METHOD.passkey),
    },
  ];
  const only = process.env.BENCH_PAGES?.split(",");
  const picked = only ? targets.filter((t) => only.some((o) => t.label.includes(o))) : targets;
  const measured = picked.some((t) => t.twin) ? [...picked, stockUpdatePassword] : picked;

  // A fresh member for every load of a first-login page (one unmeasured, then cold and cached runs).
  // Spare members for loads retried after a failure (see `attempt`).
  const needed = Math.ceil(measured.filter((t) => t.reach).length * (1 + 2 * runs) * 1.2) + 5;
  const members = benchMembers("t", needed, { numberBase: 3_000_000, firstName: "三郎" });
  await writeMembers(members, { admin, realm: realms.kenpo.config.realm });
  if (measured.includes(stockUpdatePassword))
    await seedMembers(
      admin,
      realms.stock.config.realm,
      members.map((m) => ({
        ...seededUser({
          username: m.userId,
          number: m.number,
          password: newPassword,
          attributes: { [USER_ATTRIBUTE.stage]: [STAGE.active], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] },
          credentials: [otpCredential(STOCK_OTP_SECRET)],
        }),
        requiredActions: ["UPDATE_PASSWORD"],
      })),
    );
  let next = 0;
  const memberFor = (t: Target) => (t.reach ? members[next++] : undefined);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking"],
  });
  const all = [stockLogin, ...measured];
  let retried = 0;
  /**
   * A load that fails (on a busy machine a member's HTTP walk can land on another page) is retried with a
   * fresh member, twice at most, and counted in the output: one bad load must not lose a run's figures.
   */
  const attempt = async (t: Target, cached: boolean): Promise<Sample> => {
    for (let tries = 1; ; tries += 1) {
      try {
        return await measure(browser!, kc.url, realms, t, memberFor(t), cached);
      } catch (error) {
        if (tries === 3) throw error;
        retried += 1;
        process.stderr.write(`  ${t.label}: load failed (${(error as Error).message}), retrying\n`);
      }
    }
  };
  // One unmeasured load each, so Keycloak's own first-request work (template compilation, JIT) is not counted.
  for (const t of all) await attempt(t, false);
  const samples = new Map<string, Sample[]>();
  for (const cached of [false, true]) {
    for (let i = 0; i < runs; i += 1) {
      // Alternate the order so that drift in machine load hits every page alike.
      for (const t of i % 2 ? [...all].reverse() : all) {
        const key = `${cached}:${t.label}`;
        samples.set(key, [...(samples.get(key) ?? []), await attempt(t, cached)]);
      }
      process.stderr.write(`  ${cached ? "repeat" : "cold"} run ${i + 1}/${runs} done\n`);
    }
  }
  admin.close();

  process.stdout.write(
    `\n${runs} loads per page, Fast 3G (${network.latency} ms, ${(network.downloadThroughput / 1024).toFixed(0)} KiB/s down), CPU ${cpuSlowdown}× slower, 390 px phone, theme resources ${devThemes ? "uncompressed (dev-mode theme serving)" : "gzip (theme caching on, as deployed)"}, Keycloak ${kc.url}. Medians; ratio = page ÷ stock keycloak.v2's login page, same visit kind. Loads retried after a failure: ${retried}.\n`,
  );
  for (const cached of [false, true]) {
    const stock = samples.get(`${cached}:${stockLogin.label}`)!;
    const stockFcp = median(stock.map((x) => x.fcp));
    const stockUsable = median(stock.map((x) => x.usable));
    const rows = [
      [
        "page",
        "KiB",
        "requests",
        "FCP ms",
        "usable ms",
        "FCP ratio",
        "usable ratio",
        "redirect ms",
        "FCP ms (all runs)",
        "FCP / usable ratio to stock's same page",
      ],
    ];
    for (const t of all) {
      const s = samples.get(`${cached}:${t.label}`)!;
      const fcp = median(s.map((x) => x.fcp));
      const usable = median(s.map((x) => x.usable));
      rows.push([
        t.label,
        (median(s.map((x) => x.bytes)) / 1024).toFixed(1),
        String(median(s.map((x) => x.requests))),
        fcp.toFixed(0),
        usable.toFixed(0),
        (fcp / stockFcp).toFixed(2),
        (usable / stockUsable).toFixed(2),
        median(s.map((x) => x.redirect)).toFixed(0),
        s.map((x) => x.fcp.toFixed(0)).join(" "),
        t.twin ? twinRatio(samples.get(`${cached}:${t.twin}`)!, fcp, usable) : "",
      ]);
    }
    process.stdout.write(
      `\n${cached ? "Repeat visits (theme resources cached from the login page)" : "Cold loads (fresh context, cache off)"}\n${table(rows)}`,
    );
  }
} finally {
  await browser?.close();
  await mailbox.close();
  await stopKeycloak(name);
}
