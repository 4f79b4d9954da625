import QRCode from "qrcode";
import type { SocietyConfig } from "../realm-config/schema.js";
import { japanDate } from "./enrolment-report.js";

/**
 * The 「ID・パスワード通知」 letters (`kenpo notices`), the pure half: one A4 page per member as HTML,
 * which chromium prints (members/notice-pdf.ts). A letter says how the initial password is formed
 * from the member's insurance card, never the password itself: the letter travels by post, the card
 * stays with the member.
 */

export interface NoticeMember {
  userId: string;
  lastName: string;
  firstName: string;
  /** When the member's initial password was (or will be) written: its expiry counts from here. */
  issuedAt: number;
}

/** What every letter of one society shares. */
export interface NoticeSociety {
  societyName: string;
  portalName: string;
  portalUrl: string;
  /** config helpDesk; without it the letter names the society. */
  contact?: string;
  /** policies.initialPasswordDays; 0: initial passwords do not expire, and the letters say no date. */
  initialPasswordDays: number;
  /** The QR code of portalUrl, as a PNG data URL. */
  qrDataUrl: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The letters' shared part from the society config. */
export async function noticeSociety(config: SocietyConfig): Promise<NoticeSociety> {
  return {
    societyName: config.societyName.ja,
    portalName: config.portalName.ja,
    portalUrl: config.portalUrl,
    ...(config.helpDesk ? { contact: config.helpDesk } : {}),
    initialPasswordDays: config.policies.initialPasswordDays,
    // Error correction M survives a smudged print; 8 px modules keep it sharp at 35 mm.
    qrDataUrl: await QRCode.toDataURL(config.portalUrl, { errorCorrectionLevel: "M", scale: 8, margin: 4 }),
  };
}

/**
 * The last whole day (Japan time) an initial password written at `issuedAt` works, or undefined when
 * it does not expire. Keycloak refuses it `days` × 24 h after it was written, part-way through a day,
 * so the letter names the day before: a member who believes the letter is never refused.
 */
export function expiresOn(issuedAt: number, days: number): string | undefined {
  return days > 0 ? japanDate(issuedAt + (days - 1) * DAY_MS) : undefined;
}

/** "2026-09-28" → "2026年9月28日" as Japanese letters print dates. */
export function japaneseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK JP", "Noto Sans JP", sans-serif; color: #000; font-size: 11pt; line-height: 1.7; }
.letter { page-break-after: always; break-after: page; }
.letter:last-child { page-break-after: auto; break-after: auto; }
.to { font-size: 13pt; margin: 0 0 6mm; }
.from { text-align: right; margin: 0 0 8mm; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 8mm; letter-spacing: 0.1em; }
table { width: 100%; border-collapse: collapse; margin: 4mm 0 6mm; }
th, td { border: 1px solid #000; padding: 3mm 4mm; text-align: left; vertical-align: top; }
th { width: 32%; background: #eee; font-weight: bold; }
.userid { font-family: "Noto Sans Mono CJK JP", monospace; font-size: 15pt; letter-spacing: 0.05em; }
.portal { display: flex; gap: 6mm; align-items: center; margin: 4mm 0; }
.portal img { width: 35mm; height: 35mm; }
.url { font-family: "Noto Sans Mono CJK JP", monospace; word-break: break-all; }
.note { font-size: 10pt; }
.contact { border-top: 1px solid #000; margin-top: 8mm; padding-top: 3mm; }
`;

function letterHtml(member: NoticeMember, s: NoticeSociety): string {
  const e = escapeHtml;
  const expiry = expiresOn(member.issuedAt, s.initialPasswordDays);
  return `<section class="letter">
<p class="to">${e(member.lastName)} ${e(member.firstName)} 様</p>
<p class="from">${e(s.societyName)}</p>
<h1>ID・パスワードのお知らせ</h1>
<p>${e(s.portalName)}をご利用いただくためのユーザIDと初期パスワードをお知らせします。初回ログインの手順に従って、新しいパスワードと多要素認証（生体認証またはワンタイムパスワード）を設定してください。</p>
<table>
<tr><th>ユーザID</th><td class="userid">${e(member.userId)}</td></tr>
<tr><th>初期パスワード</th><td>お手元の保険証の<b>記号</b>＋<b>番号</b>＋<b>生年月日</b>（西暦8桁）を続けて入力してください。<br><span class="note">例：記号 0123、番号 45、生年月日 1990年4月1日の方は 01234519900401（記号・番号は保険証に記載のとおり、先頭の0も入力します）</span></td></tr>
${expiry ? `<tr><th>初期パスワードの有効期限</th><td>${japaneseDate(expiry)}まで</td></tr>` : ""}
</table>
<div class="portal"><img src="${s.qrDataUrl}" alt="QR"><div><p>ログインはこちらから（スマートフォンはQRコードを読み取ってください）</p><p class="url">${e(s.portalUrl)}</p></div></div>
<p class="note">初期パスワードは初回ログインで新しいパスワードに変更されます。このお知らせは大切に保管し、他の人に見せないでください。</p>
<p class="contact">お問い合わせ：${e(s.contact ?? s.societyName)}</p>
</section>`;
}

/** One HTML document, one A4 page per member. */
export function noticesHtml(members: NoticeMember[], society: NoticeSociety): string {
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
${members.map((m) => letterHtml(m, society)).join("\n")}
</body></html>`;
}
