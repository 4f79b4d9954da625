/**
 * The member manual as one printable HTML page: per journey, one numbered step per screen with
 * its screenshot and a short instruction (Japanese first, English under it).
 */

export interface ManualStep {
  /** The paper manual's number (①…⑭); empty for screens it does not number. */
  step: string;
  instruction: { ja: string; en: string };
  /** Path of the screenshot relative to the HTML file. */
  image?: string;
  device: string;
}

export interface ManualChapter {
  id: string;
  title: { ja: string; en: string };
  lead: { ja: string; en: string };
  steps: ManualStep[];
  /** Printed figures: screens shown and inputs made by the member. */
  counts?: { screens: number; pageLoads: number; inputs: number };
}

export interface Manual {
  title: { ja: string; en: string };
  society: string;
  generatedAt: Date;
  keycloakVersion: string;
  chapters: ManualChapter[];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const DEVICE_NAMES: Record<string, string> = {
  pc: "パソコン / PC",
  iphone: "スマートフォン / smartphone",
  android: "スマートフォン / smartphone",
};

function renderStep(step: ManualStep, index: number): string {
  const number = step.step || String(index + 1);
  return `
    <section class="step${step.image && step.device !== "pc" ? " step--phone" : ""}">
      <div class="text">
      <h3><span class="num">${escapeHtml(number)}</span> <span class="device">${escapeHtml(DEVICE_NAMES[step.device] ?? step.device)}</span></h3>
      <p class="ja">${escapeHtml(step.instruction.ja)}</p>
      <p class="en" lang="en">${escapeHtml(step.instruction.en)}</p>
      </div>
      ${step.image ? `<img src="${escapeHtml(step.image)}" alt="${escapeHtml(`${number} ${step.instruction.ja}`)}" class="${step.device === "pc" ? "pc" : "phone"}">` : ""}
    </section>`;
}

function renderChapter(chapter: ManualChapter): string {
  const counts = chapter.counts
    ? `<p class="counts">画面数 ${chapter.counts.screens}・ページ読み込み ${chapter.counts.pageLoads}・操作数 ${chapter.counts.inputs} <span lang="en">(screens, page loads, member inputs)</span></p>`
    : "";
  return `
  <article class="chapter" id="${escapeHtml(chapter.id)}">
    <h2>${escapeHtml(chapter.title.ja)} <span lang="en">${escapeHtml(chapter.title.en)}</span></h2>
    <p class="ja">${escapeHtml(chapter.lead.ja)}</p>
    <p class="en" lang="en">${escapeHtml(chapter.lead.en)}</p>
    ${counts}
    ${chapter.steps.map(renderStep).join("\n")}
  </article>`;
}

export function renderManual(manual: Manual): string {
  const date = manual.generatedAt.toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(manual.title.ja)} / ${escapeHtml(manual.title.en)}</title>
<style>
  :root { font-family: "Noto Sans JP", "Hiragino Sans", system-ui, sans-serif; color: #1a1a1a; }
  body { max-width: 56rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
  h2 { font-size: 1.3rem; border-bottom: 3px solid #0b5394; padding-bottom: 0.25rem; margin-top: 2rem; }
  h3 { font-size: 1.1rem; margin: 0 0 0.5rem; }
  [lang="en"] { color: #555; font-weight: 400; font-size: 0.9em; }
  .meta { color: #555; font-size: 0.85rem; }
  .toc a { color: #0b5394; }
  .num { display: inline-block; min-width: 2.2rem; padding: 0.1rem 0.5rem; border-radius: 1rem; background: #0b5394; color: #fff; text-align: center; }
  .device { font-size: 0.8rem; color: #555; font-weight: 400; }
  .step { border: 1px solid #d0d7de; border-radius: 8px; padding: 1rem; margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
  .step p { margin: 0.25rem 0; }
  .step--phone { display: grid; grid-template-columns: 1fr 16rem; gap: 1rem; align-items: start; }
  .step--phone img { margin: 0; }
  .step img { display: block; margin: 0.75rem auto 0; border: 1px solid #d0d7de; max-width: 100%; }
  .step img.phone { width: 16rem; }
  .step img.pc { width: 36rem; }
  .counts { font-size: 0.85rem; color: #555; }
  @media print {
    body { padding: 0; max-width: none; }
    .chapter { break-before: page; }
    .step img { max-height: 16cm; width: auto; }
  }
  @page { size: A4; margin: 1.5cm; }
</style>
</head>
<body>
  <header>
    <h1>${escapeHtml(manual.title.ja)}</h1>
    <p lang="en">${escapeHtml(manual.title.en)}</p>
    <p class="meta">${escapeHtml(manual.society)}・${date} 作成（実際の画面から自動生成 / generated from the real screens, Keycloak ${escapeHtml(manual.keycloakVersion)}）</p>
    <nav class="toc"><ul>${manual.chapters.map((c) => `<li><a href="#${escapeHtml(c.id)}">${escapeHtml(c.title.ja)}</a></li>`).join("")}</ul></nav>
  </header>
  ${manual.chapters.map(renderChapter).join("\n")}
</body>
</html>
`;
}
