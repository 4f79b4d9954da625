import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import { stringify } from "yaml";
import { launchBrowser } from "../../journeys/browser.js";
import { authorizationRequest, expectPage, HttpBrowser, isLoginForm, isPage } from "../../journeys/http-login.js";
import { testKeycloak } from "../../journeys/keycloak-env.js";
import { testAdmin, testConfig } from "../../journeys/realm.js";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { initialPassword } from "../../rules/initial-password.js";
import { REGISTER_HEADER, runCli } from "../support/kenpo-cli.js";
import { BRAND } from "../../contracts/index.js";
import { darkerShade } from "../../realm-config/brand.js";

/**
 * Society A's logo: a 67×67 PNG of noise (which hardly compresses: 15.2 KiB), just under the 16 KiB limit, so the
 * largest logo accepted is shown to pass through the admin API, the realm's texts and the page. Society B's: a small
 * SVG.
 */
function noisePng(side: number): Buffer {
  const png = new PNG({ width: side, height: side });
  let seed = 13;
  for (let i = 0; i < png.data.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    png.data[i] = i % 4 === 3 ? 255 : seed >> 23;
  }
  return PNG.sync.write(png);
}
const LOGO_A_SIDE = 67;
const LOGO_A = noisePng(LOGO_A_SIDE);
const LOGO_B = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#8b0000"/></svg>',
);
const dataUri = (type: string, data: Buffer) => `data:${type};base64,${data.toString("base64")}`;
/** "#1b6e3a" as chromium's computed style writes it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

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
    // Relative to the society file, as an admin writes it.
    brand: { primaryColor: "#1b6e3a", logo: "logos/kou.png" },
  });
  const societyB = testConfig("soc-b", {
    societyName: { ja: "乙健康保険組合", en: "Otsu Health Insurance Society" },
    portalName: { ja: "乙健保 加入者ページ", en: "Otsu member portal" },
    termsText: { ja: "<p>乙の規約</p>", en: "<p>Otsu terms</p>" },
    policies: { ...societyA.policies, maxLoginFailures: 3, passwordMinLength: 12 },
    brand: { primaryColor: "#8B0000", logo: "logos/otsu.svg" },
  });
  const brands = [
    { society: societyA, color: "#1b6e3a", logo: dataUri("image/png", LOGO_A), width: LOGO_A_SIDE },
    { society: societyB, color: "#8b0000", logo: dataUri("image/svg+xml", LOGO_B), width: 40 },
  ];
  const cli = (args: string[]) => runCli(args, testKeycloak());
  let admin: Awaited<ReturnType<typeof testAdmin>>;
  let browser: Browser | undefined;

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
    expect(LOGO_A.length).toBeGreaterThan(BRAND.maxLogoBytes - 2 * 1024);
    expect(LOGO_A.length).toBeLessThanOrEqual(BRAND.maxLogoBytes);
    admin = await testAdmin();
    mkdirSync(folder);
    writeFileSync(join(folder, "a.yaml"), stringify(societyA));
    writeFileSync(join(folder, "b.yaml"), stringify(societyB));
    mkdirSync(join(folder, "logos"));
    writeFileSync(join(folder, "logos", "kou.png"), LOGO_A);
    writeFileSync(join(folder, "logos", "otsu.svg"), LOGO_B);
  });
  afterAll(async () => {
    await browser?.close();
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

  /** The login page in chromium: its primary button's colours, the header's logo, and the shell's state. */
  async function brandSeen(society: SocietyConfig, javaScriptEnabled: boolean) {
    browser ??= await launchBrowser();
    const context = await browser.newContext({ javaScriptEnabled, locale: "ja-JP" });
    try {
      const page = await context.newPage();
      const { authUrl } = authorizationRequest(
        testKeycloak().url,
        society.realm,
        society.portalClients[0]!.clientId,
        "http://localhost:5173/cb",
        { ui_locales: "ja" },
      );
      await page.goto(authUrl);
      // With scripts, the page React rendered (the shell is gone); without, the shell FreeMarker filled in.
      const scope = javaScriptEnabled ? "#root" : "#kp-shell";
      if (javaScriptEnabled) await page.locator("#kp-shell").waitFor({ state: "detached" });
      const button = page.locator(`${scope} #kc-login`);
      const logo = page.locator(`${scope} .kp-header img.kp-header__logo`);
      await logo.waitFor();
      const [background, border] = await button.evaluate((b) => {
        const style = getComputedStyle(b);
        return [style.backgroundColor, style.borderTopColor];
      });
      const hover = await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue("--kp-primary-dark"),
      );
      return {
        background,
        border,
        hover: hover.trim(),
        logos: await page.locator("img.kp-header__logo").count(),
        src: await logo.getAttribute("src"),
        alt: await logo.getAttribute("alt"),
        // Decoded by the browser: the data is an image it accepted.
        width: await logo.evaluate((img) => (img as HTMLImageElement).naturalWidth),
      };
    } finally {
      await context.close();
    }
  }

  test.each([true, false])(
    "chromium: each login page in its own society's colour and logo (scripts on: %s)",
    async (javaScriptEnabled) => {
      for (const { society, color, logo, width } of brands) {
        await expect(brandSeen(society, javaScriptEnabled)).resolves.toEqual({
          background: rgb(color),
          border: rgb(color),
          hover: darkerShade(color),
          logos: 1,
          src: logo,
          alt: society.societyName.ja,
          width,
        });
      }
    },
  );

  test("a brand taken out of the file: the dry run lists its texts' removal, the apply restores the default look", async () => {
    const plain = join(dir, "b-plain.yaml");
    writeFileSync(plain, stringify({ ...societyB, brand: undefined }));
    const dry = await cli(["provision", "--config", plain, "--dry-run"]);
    for (const key of ["kenpoBrandColor", "kenpoBrandColorDark", "kenpoBrandLogo"]) {
      expect(dry.stdout).toContain(`ja/${key}`);
      expect(dry.stdout).toContain(`en/${key}`);
    }
    await cli(["provision", "--config", plain]);
    expect(
      await admin.realms.getRealmLocalizationTexts({ realm: societyB.realm, selectedLocale: "ja" }),
    ).not.toHaveProperty("kenpoBrandLogo");
    browser ??= await launchBrowser();
    const page = await browser.newPage();
    try {
      const { authUrl } = authorizationRequest(
        testKeycloak().url,
        societyB.realm,
        societyB.portalClients[0]!.clientId,
        "http://localhost:5173/cb",
      );
      await page.goto(authUrl);
      await page.locator("#kp-shell").waitFor({ state: "detached" });
      // The stylesheet's own blue, and no logo.
      await expect(page.locator("#kc-login").evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.toBe(
        rgb("#0b5cad"),
      );
      await expect(page.locator("img.kp-header__logo").count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
    // Society A keeps its brand.
    await expect(brandSeen(societyA, true)).resolves.toMatchObject({ background: rgb("#1b6e3a") });
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
    writeFileSync(twin, stringify({ ...societyB, brand: undefined, realm: fresh.realm }));
    await expect(cli(["provision", "--config", join(dir, "c.yaml"), "--config", twin])).rejects.toMatchObject({
      stderr: expect.stringContaining(`realm "${fresh.realm}" is also`),
    });
    expect(await admin.realms.findOne({ realm: fresh.realm })).toBeFalsy();
  });
});
