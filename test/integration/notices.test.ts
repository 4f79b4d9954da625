import jsQRModule from "jsqr";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { seededUser, seedMembers } from "../../journeys/seed.js";
import { initialPassword } from "../../rules/initial-password.js";
import { REGISTER_HEADER, SocietyCli } from "../support/kenpo-cli.js";

/**
 * `kenpo notices` prints real PDFs with Debian's chromium; the test reads them back as a member would:
 * the text of each page, and the QR code's picture decoded to the portal's URL.
 */

// jsqr is CommonJS whose exports is the function itself (with .default on it as well).
const jsQR = jsQRModule.default;

type PdfDocument = Awaited<ReturnType<typeof getDocument>["promise"]>;

async function openPdf(file: string): Promise<PdfDocument> {
  return getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
}

/** A page's text; NFKC because the CJK font maps some kanji to their Kangxi radical code points (⽇ for 日). */
async function pageText(doc: PdfDocument, n: number): Promise<string> {
  const content = await (await doc.getPage(n)).getTextContent();
  return content.items
    .map((i) => ("str" in i ? i.str : ""))
    .join("")
    .normalize("NFKC");
}

/** The first picture on a page decoded as a QR code (the letter's only picture). */
async function pageQr(doc: PdfDocument, n: number): Promise<string | undefined> {
  const page = await doc.getPage(n);
  const ops = await page.getOperatorList();
  const index = ops.fnArray.indexOf(OPS.paintImageXObject);
  if (index < 0) return undefined;
  const name = (ops.argsArray[index] as string[])[0]!;
  const img = await new Promise<{ width: number; height: number; data: Uint8ClampedArray }>((resolve) => {
    page.objs.get(name, resolve);
  });
  const pixels = img.width * img.height;
  const channels = img.data.length / pixels;
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let p = 0; p < pixels; p += 1) {
    for (let c = 0; c < 3; c += 1) rgba[p * 4 + c] = img.data[p * channels + (channels === 1 ? 0 : c)]!;
    rgba[p * 4 + 3] = 255;
  }
  return jsQR(rgba, img.width, img.height)?.data;
}

describe("kenpo notices", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  const dir = mkdtempSync(join(tmpdir(), "kenpo-notices-"));
  const society = new SocietyCli();
  const notices = (...args: string[]) => society.run(["notices", ...args]);
  const rows = [
    { userId: "letter.one", symbol: "12", number: "0061001", birthdate: "1980-12-01", last: "山田", first: "太郎" },
    { userId: "letter.two", symbol: "12", number: "0061002", birthdate: "1975-04-15", last: "鈴木", first: "花子" },
    { userId: "letter.three", symbol: "015", number: "61003", birthdate: "1990-01-08", last: "佐藤", first: "一郎" },
  ];

  beforeAll(async () => {
    realm = await provisionTestRealm("notices", { helpDesk: "通知テスト窓口 電話 03-1111-2222" });
    society.write(realm.config);
  });
  afterAll(() => realm.cleanup());

  test("from the register: one A4 page per member with user ID, the rule, URL, QR code, contact and expiry; never a password", async () => {
    const register = join(dir, "members.csv");
    writeFileSync(
      register,
      [
        REGISTER_HEADER,
        ...rows.map((r) => `${r.userId},${r.symbol},${r.number},,${r.birthdate},${r.last},${r.first},`),
      ].join("\r\n"),
    );
    const out = join(dir, "letters.pdf");
    const { stdout } = await notices(register, "--out", out, "--issued", "2026-04-01");
    expect(stdout).toContain("3 letter(s) in 1 file(s)");
    const doc = await openPdf(out);
    expect(doc.numPages).toBe(3);
    const { width, height } = (await doc.getPage(1)).getViewport({ scale: 1 });
    // A4 in PDF points (1/72 inch).
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    for (const [i, r] of rows.entries()) {
      const text = await pageText(doc, i + 1);
      expect(text).toContain(`${r.last} ${r.first} 様`);
      expect(text).toContain(r.userId);
      expect(text).toContain("記号+番号+生年月日");
      expect(text).toContain(realm.config.portalUrl);
      expect(text).toContain("通知テスト窓口 電話 03-1111-2222");
      // 90 days from 2026-04-01 (policies.initialPasswordDays): it works through 2026-06-29.
      expect(text).toContain("2026年6月29日まで");
      for (const other of rows) {
        if (other !== r) expect(text).not.toContain(other.userId + " ");
        expect(text).not.toContain(initialPassword(other));
      }
    }
    expect(await pageQr(doc, 1)).toBe(realm.config.portalUrl);
  });

  test("--per-file: more letters than one file holds go to numbered files", async () => {
    const register = join(dir, "members.csv");
    const out = join(dir, "split", "letters.pdf");
    const { stdout } = await notices(register, "--out", out, "--per-file", "2");
    expect(stdout).toContain("3 letter(s) in 2 file(s)");
    expect((await openPdf(join(dir, "split", "letters-001.pdf"))).numPages).toBe(2);
    const last = await openPdf(join(dir, "split", "letters-002.pdf"));
    expect(last.numPages).toBe(1);
    expect(await pageText(last, 1)).toContain("letter.three");
  });

  test("--from-realm: the members who have not started, expiry from their initial password's date", async () => {
    const day = 24 * 60 * 60 * 1000;
    await seedMembers(realm.admin, realm.config.realm, [
      seededUser({
        username: "waiting.one",
        number: "6200001",
        password: "Kenpo-Pass-2026",
        attributes: { [USER_ATTRIBUTE.stage]: [STAGE.initial] },
      }),
      seededUser({
        username: "done.one",
        number: "6200002",
        password: "Kenpo-Pass-2026",
        attributes: { [USER_ATTRIBUTE.stage]: [STAGE.active] },
      }),
    ]);
    const out = join(dir, "realm.pdf");
    const { stdout } = await notices("--from-realm", "--out", out);
    expect(stdout).toContain("1 letter(s) in 1 file(s)");
    const text = await pageText(await openPdf(out), 1);
    expect(text).toContain("waiting.one");
    const last = new Date(Date.now() + 89 * day).toLocaleDateString("ja-JP", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    const [y, m, d] = last.split("/");
    expect(text).toContain(`${y}年${m}月${d}日まで`);
  });
});
