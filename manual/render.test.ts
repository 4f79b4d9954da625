import { escapeHtml, renderManual, type Manual } from "./render.js";

const manual: Manual = {
  title: { ja: "初回ログインマニュアル", en: "First login manual" },
  society: "デモ健康保険組合",
  generatedAt: new Date("2026-11-24T00:00:00Z"),
  keycloakVersion: "26.7.3",
  chapters: [
    {
      id: "otp",
      title: { ja: "ワンタイムパスワード（パソコン）", en: "One-time password (PC)" },
      lead: { ja: "パソコンで設定します。", en: "Set up on a PC." },
      counts: { screens: 10, pageLoads: 11, inputs: 18 },
      steps: [
        {
          step: "②",
          device: "pc",
          image: "otp/02-login.png",
          instruction: { ja: "「ログイン」を押します。", en: "Press <Log in>." },
        },
        { step: "", device: "iphone", instruction: { ja: "続けます。", en: "Continue." } },
      ],
    },
  ],
};

describe("member manual HTML", () => {
  const html = renderManual(manual);

  test("shows each step with its number, instruction and screenshot, in order", () => {
    expect(html).toContain('<span class="num">②</span>');
    expect(html).toContain("「ログイン」を押します。");
    expect(html).toContain('src="otp/02-login.png"');
    expect(html.indexOf("②")).toBeLessThan(html.indexOf("続けます。"));
    // Unnumbered screens get their position in the chapter.
    expect(html).toContain('<span class="num">2</span>');
  });

  test("escapes text so a label cannot become markup", () => {
    expect(html).toContain("Press &lt;Log in&gt;.");
    expect(html).not.toContain("<Log in>");
    expect(escapeHtml(`"a" & 'b'`)).toBe("&quot;a&quot; &amp; &#39;b&#39;");
  });

  test("prints the counts and is printable on A4", () => {
    expect(html).toContain("画面数 10・ページ読み込み 11・操作数 18");
    expect(html).toContain("@page { size: A4");
  });
});
