import { Command } from "commander";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { providersBuildDir, repoRoot } from "../runtime/keycloak/paths.js";
import { keycloakVersion } from "../runtime/keycloak/version.js";
import { launchBrowser } from "../journeys/browser.js";
import {
  memberSession,
  otpJourneyOnPc,
  passkeyJourneyOnPhone,
  type JourneyResult,
} from "../journeys/browser-journeys.js";
import { importMembers, newTestMember, provisionBrowserRealm } from "../journeys/browser-realm.js";
import { Journey, type Screen } from "../journeys/journey-record.js";
import { startTestKeycloak, stopTestKeycloak } from "../journeys/throwaway-keycloak.js";
import { renderManual, type ManualChapter } from "./render.js";
import { extraChapters } from "./troubleshooting.js";

/**
 * `npm run manual`: runs journeys 1 (PC, OTP) and 2 (smartphone, passkey), the device changes (⑨,
 * ⑬) and the troubleshooting journeys in chromium against a real Keycloak with the demo society's
 * realm, and writes the member manual from what the browser showed: manual-output/index.html plus one screenshot per step. `--docs` also refreshes the
 * screenshots in docs/manual/.
 */

const program = new Command("manual")
  .option("--out <dir>", "output folder", join(repoRoot, "manual-output"))
  .option("--docs", "copy the screenshots and an index to docs/manual/ for the README")
  .option("--headed", "show the browser")
  .parse();
const opts = program.opts<{ out: string; docs?: boolean; headed?: boolean }>();

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function steps(screens: Screen[], dir: string, upTo: number) {
  return screens.slice(0, upTo).map((s) => ({
    step: s.step,
    instruction: s.instruction,
    device: s.device,
    image: s.screenshot ? `${dir}/${s.screenshot}` : undefined,
  }));
}

async function main(): Promise<void> {
  for (const jar of ["kenpo-theme.jar", "kenpo-authenticators.jar"]) {
    if (!existsSync(join(providersBuildDir, jar)))
      say(`⚠ build/providers/${jar} is missing (npm run build): the screens will not be ours`);
  }
  rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(opts.out, { recursive: true });

  const external = Boolean(process.env.KENPO_TEST_KEYCLOAK_URL);
  say(external ? `▶ using Keycloak at ${process.env.KENPO_TEST_KEYCLOAK_URL}` : "▶ starting a throw-away Keycloak…");
  await startTestKeycloak();
  const realm = await provisionBrowserRealm("manual");
  const browser = await launchBrowser({ headless: !opts.headed });
  try {
    const log = (line: string) => say(line);
    const otpMember = newTestMember({ lastName: "健保", firstName: "一郎" });
    const passkeyMember = newTestMember({ lastName: "健保", firstName: "花子" });
    await importMembers(realm, [otpMember, passkeyMember]);

    say("▶ journey 1: PC, one-time password");
    const otp = await otpJourneyOnPc(
      browser,
      memberSession(realm, new Journey("PC + OTP", { screenshotsDir: join(opts.out, "otp"), log }), otpMember),
    );
    say("▶ journey 2: smartphone, passkey");
    const passkey = await passkeyJourneyOnPhone(
      browser,
      memberSession(
        realm,
        new Journey("smartphone + passkey", { screenshotsDir: join(opts.out, "passkey"), log }),
        passkeyMember,
      ),
    );

    const chapter = (
      id: string,
      result: JourneyResult,
      title: ManualChapter["title"],
      lead: ManualChapter["lead"],
    ): ManualChapter[] => [
      {
        id,
        title,
        lead,
        counts: result.firstLogin,
        steps: steps(result.journey.screens, id, result.firstLogin.screens),
      },
      {
        id: `${id}-returning`,
        title: { ja: `${title.ja}：次回からのログイン`, en: `${title.en}: logging in next time` },
        lead: { ja: "設定が終わったあとは、次の手順でログインします。", en: "Once set up, you log in like this." },
        steps: steps(result.journey.screens, id, result.journey.screens.length)
          .slice(result.firstLogin.screens)
          .filter((s) => s.image),
      },
    ];
    const chapters = [
      ...chapter(
        "passkey",
        passkey,
        { ja: "生体認証（スマートフォン）で設定する", en: "Set up biometrics (passkey) on a smartphone" },
        {
          ja: "顔認証・指紋認証が使えるスマートフォンで、最初から最後まで操作します。",
          en: "Do every step on a smartphone with face or fingerprint unlock.",
        },
      ),
      ...chapter(
        "otp",
        otp,
        {
          ja: "ワンタイムパスワード（パソコン＋スマートフォンのアプリ）で設定する",
          en: "Set up the one-time password (PC + app on a smartphone)",
        },
        {
          ja: "パソコンで操作し、QRコードの読み取りと6桁の数字の確認にスマートフォンの認証アプリを使います。",
          en: "Work on a PC; use an authenticator app on your smartphone to scan the QR code and read the 6-digit code.",
        },
      ),
    ];
    chapters.push(...(await extraChapters(browser, realm, opts.out, log)));
    const html = renderManual({
      title: { ja: "初回ログインマニュアル", en: "First login manual" },
      society: realm.config.societyName.ja,
      generatedAt: new Date(),
      keycloakVersion: keycloakVersion(),
      chapters,
    });
    writeFileSync(join(opts.out, "index.html"), html);

    for (const [label, result] of [
      ["journey 1 (PC, OTP)", otp],
      ["journey 2 (smartphone, passkey)", passkey],
    ] as const) {
      say(
        `  ${label} first login: ${result.firstLogin.screens} screens, ${result.firstLogin.pageLoads} page loads, ${result.firstLogin.inputs} member inputs`,
      );
    }
    say(`✔ manual written to ${join(opts.out, "index.html")}`);

    if (opts.docs) {
      const docs = join(repoRoot, "docs", "manual");
      rmSync(docs, { recursive: true, force: true });
      mkdirSync(docs, { recursive: true });
      const dirs = [...new Set(chapters.map((c) => c.id.replace(/-returning$/, "")))];
      for (const dir of dirs)
        if (existsSync(join(opts.out, dir))) cpSync(join(opts.out, dir), join(docs, dir), { recursive: true });
      const md = [
        "# 初回ログインマニュアル（画面）/ First login manual (screens)",
        "",
        "Generated by `npm run manual -- --docs` from the real screens (journeys 1 and 2 of the end-to-end tests).",
        "The printable manual with instructions is `manual-output/index.html` after `npm run manual`.",
        "",
        ...chapters.flatMap((c) => [
          `## ${c.title.ja} / ${c.title.en}`,
          "",
          ...c.steps
            .filter((s) => s.image)
            .flatMap((s, i) => [
              `**${s.step || i + 1}** ${s.instruction.ja}  `,
              `<img src="${s.image}" alt="${[s.step, s.instruction.ja].filter(Boolean).join(" ")}" width="${s.device === "pc" ? 480 : 240}">`,
              "",
            ]),
        ]),
      ].join("\n");
      writeFileSync(join(docs, "README.md"), `${md}\n`);
      const copied = dirs.filter((d) => existsSync(join(docs, d))).map((d) => readdirSync(join(docs, d)).length);
      say(`✔ ${copied.reduce((a, b) => a + b, 0)} screenshots copied to docs/manual/`);
    }
  } finally {
    await browser.close();
    await realm.cleanup();
    if (!external) await stopTestKeycloak();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`manual: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
