import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { validateFile, validMembers } from "./read-members.js";

// The wording under test is the English one unless a test says otherwise (the machine's locale may be Japanese).
process.env.LC_ALL = "C.UTF-8";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "kenpo-members-"));
const today = new Date(2026, 10, 24);
let n = 0;
function file(content: string | Buffer, ext = "csv"): string {
  const path = join(dir, `f${(n += 1)}.${ext}`);
  writeFileSync(path, content);
  return path;
}

const JA_HEADER = "ユーザID,記号,番号,枝番,生年月日,姓,名,メールアドレス";
const GOOD = "Yamada.Taro,12,3456789,00,1980-12-01,山田,太郎,taro@example.test";

async function members(path: string) {
  const summary = await validateFile(path, { today });
  const rows = [];
  for await (const row of validMembers(summary, { today })) rows.push(row);
  return { summary, rows };
}

test("UTF-8 with BOM, CRLF, Japanese headers: normalized rows with their lines", async () => {
  const { summary, rows } = await members(
    file(`\uFEFF${JA_HEADER}\r\n${GOOD}\r\n ＳＵＺＵＫＩ ,０１２,００３４,,Ｓ５５．４．１５,鈴木,花子,\r\n`),
  );
  expect(summary).toMatchObject({ encoding: "utf-8", total: 2, valid: 2, invalid: 0 });
  expect(rows).toEqual([
    {
      line: 2,
      userId: "yamada.taro",
      symbol: "12",
      number: "3456789",
      branch: "00",
      birthdate: "1980-12-01",
      lastName: "山田",
      firstName: "太郎",
      email: "taro@example.test",
    },
    {
      line: 3,
      userId: "suzuki",
      symbol: "012",
      number: "0034",
      birthdate: "1980-04-15",
      lastName: "鈴木",
      firstName: "花子",
    },
  ]);
});

test("Shift_JIS (CP932) TSV with English headers is detected and decoded", async () => {
  const text =
    "user_id\tsymbol\tnumber\tbirthdate\tlast_name\tfirst_name\r\nito.ken\t20\t0000123\t昭和37年3月3日\t伊藤\t髙橋\r\n";
  const { summary, rows } = await members(file(iconv.encode(text, "cp932"), "tsv"));
  expect(summary.encoding).toBe("shift_jis");
  expect(rows[0]).toMatchObject({ userId: "ito.ken", birthdate: "1962-03-03", lastName: "伊藤", firstName: "髙橋" });
});

test("quoted fields spanning lines keep the physical line numbers of later rows", async () => {
  const path = file(
    `user_id,symbol,number,birthdate,last_name,first_name\n"aa1",1,1,1980-01-01,"山\n田",太郎\n\nbb2,1,2,1980-02-30,"鈴木",花子\n`,
  );
  const summary = await validateFile(path, { today });
  expect(summary.errors).toEqual([
    { line: 2, field: "last_name", column: "last_name", message: expect.stringContaining("line breaks") },
    {
      line: 5,
      field: "birthdate",
      column: "birthdate",
      message: 'birthdate: 1980-02-30 is not a date in the calendar (got "1980-02-30")',
    },
  ]);
  expect(summary.total).toBe(2);
});

test("every error kind names line, field and reason; card numbers are masked", async () => {
  const path = file(
    [
      "user_id,symbol,number,branch,birthdate,last_name,first_name,email",
      ",1,11,,1980-01-01,a,b,",
      "bad id!,1a,,x,昭和64年1月8日,,b,not-an-email",
      "ok1,1,1234567890123,,2099-01-01,a,b,",
      "Dup,1,1,,1980-01-01,a,b,",
      "dup,1,2,,1980-01-01,a,b,",
      "fine,1,3,,1980-01-01,a,b,,surplus",
    ].join("\n"),
  );
  const summary = await validateFile(path, { today });
  const by = (line: number) => summary.errors.filter((e) => e.line === line).map((e) => e.field);
  expect(by(2)).toEqual(["user_id"]);
  expect(by(3)).toEqual(["user_id", "symbol", "number", "branch", "birthdate", "last_name", "email"]);
  expect(by(4)).toEqual(["number", "birthdate"]);
  expect(by(5)).toEqual(["user_id"]);
  expect(by(6)).toEqual(["user_id"]);
  expect(by(7)).toEqual(["email"]);
  expect(summary.errors.find((e) => e.line === 4 && e.field === "number")?.message).toContain('"12*********23"');
  expect(summary.errors.find((e) => e.line === 5)?.message).toMatch(/appears more than once \(also on line 6\)/);
  expect(summary.errors.find((e) => e.line === 3 && e.field === "birthdate")?.message).toMatch(/outside/);
  expect(JSON.stringify(summary.errors)).not.toContain("1234567890123");
  expect(summary).toMatchObject({ total: 6, valid: 0, invalid: 6 });
});

test("two rows with one card (記号 + 番号 + 枝番 as printed) are both invalid, with each other's line; 番号 masked", async () => {
  const path = file(
    [
      JA_HEADER,
      "taro,12,3456789,00,1980-12-01,山田,太郎,",
      "hanako,12,3456789,01,1982-01-01,山田,花子,",
      "ichiro,12,3456789,,1983-01-01,山田,一郎,",
      "jiro,１２,３４５６７８９,００,1984-01-01,山田,次郎,",
      "saburo,12,3456789,,1985-02-30,山田,三郎,",
      "other,13,3456789,00,1980-12-01,佐藤,花子,",
    ].join("\n"),
  );
  const { summary, rows } = await members(path);
  const cardErrors = summary.errors.filter((e) => /card/.test(e.message));
  expect(cardErrors.map((e) => [e.line, e.field])).toEqual([
    [2, "number"],
    [4, "number"],
    [5, "number"],
    [6, "number"],
  ]);
  expect(cardErrors[0]!.message).toMatch(/記号 12 番号 34\*\*\*89 枝番 00\) appears more than once \(also on line 5\)/);
  // A row invalid for another reason still counts: fixed, it would be the same card again.
  expect(cardErrors[1]!.message).toMatch(/also on line 6/);
  expect(JSON.stringify(summary.errors)).not.toContain("3456789");
  expect(rows.map((r) => r.userId)).toEqual(["hanako", "other"]);
  expect(summary).toMatchObject({ total: 6, valid: 2, invalid: 4 });
});

test("unknown, repeated and missing columns are file errors naming them", async () => {
  await expect(validateFile(file("user_id,symbol,number,birthdate,last_name,first_name,extra\n"))).rejects.toThrow(
    /unknown column\(s\): "extra".*--ignore-columns extra or list it under register\.ignoreColumns/,
  );
  await expect(validateFile(file("user_id,ユーザID,symbol,number,birthdate,last_name,first_name\n"))).rejects.toThrow(
    /appears twice/,
  );
  await expect(validateFile(file("user_id,symbol,birthdate,last_name,first_name\n"))).rejects.toThrow(
    /missing column\(s\): 番号 \(number\)/,
  );
  await expect(validateFile(file(""))).rejects.toThrow(/empty/);
  await expect(validateFile(join(dir, "missing.csv"))).rejects.toThrow(/cannot open/);
});

describe("header spellings from real registers", () => {
  const ROW = "yamada.taro,12,3456789,1980-12-01,山田,太郎";
  test.each([
    ["ユーザーID,記号,番号,生年月日,姓,名", "ユーザー (long mark)"],
    ["ユーザｰID,記号,番号,生年月日,姓,名", "half-width ｰ"],
    ["ユーザID,記号,番号,生年月日,姓,名", "ユーザ"],
    ["利用者ID,記号,番号,生年月日,姓,名", "利用者ID"],
    ["ユーザＩＤ,記号,番号,生年月日,姓,名", "full-width ＩＤ"],
    [" ユーザID , 記号 ,番号,生年月日,姓,名 ", "surrounding spaces"],
    ["ユーザ ID,記号,番号,生年　月日,姓,名", "spaces inside (half- and full-width)"],
    ["ユーザID,被保険者記号,被保険者番号,生年月日,氏,名", "被保険者記号 / 被保険者番号 / 氏"],
    ["User_ID,Symbol,Number,Birthdate,Last_Name,First_Name", "English in any case"],
  ])("%s (%s) reads the member", async (header) => {
    const { summary, rows } = await members(file(`${header}\n${ROW}\n`));
    expect(summary.errors).toEqual([]);
    expect(rows[0]).toMatchObject({ userId: "yamada.taro", number: "3456789", lastName: "山田", firstName: "太郎" });
  });

  test.each([
    ["氏名", "山田 太郎", { lastName: "山田", firstName: "太郎" }],
    ["氏 名", "山田　太郎", { lastName: "山田", firstName: "太郎" }],
    ["名前", " 佐藤  一郎 ", { lastName: "佐藤", firstName: "一郎" }],
    ["氏名", "Smith John Paul", { lastName: "Smith", firstName: "John Paul" }],
  ])("the whole name in %s: %j → %j", async (column, value, names) => {
    const { summary, rows } = await members(
      file(`ユーザID,記号,番号,生年月日,${column}\nyamada.taro,12,3456789,1980-12-01,${value}\n`),
    );
    expect(summary.errors).toEqual([]);
    expect(rows[0]).toMatchObject(names);
  });

  test("a whole name without a space is an error naming the file's column", async () => {
    const summary = await validateFile(
      file("ユーザID,記号,番号,生年月日,氏名\nyamada.taro,12,3456789,1980-12-01,山田太郎\n"),
      {
        today,
      },
    );
    expect(summary.errors).toEqual([
      { line: 2, field: "first_name", column: "氏名", message: expect.stringMatching(/^氏名 needs a space/) },
    ]);
  });

  test("氏名 beside 姓 and 名 is refused: which one counts is unclear", async () => {
    await expect(validateFile(file("ユーザID,記号,番号,生年月日,姓,名,氏名\n"))).rejects.toThrow(
      /column "氏名" holds the whole name: give either it or 姓 and 名/,
    );
  });
});

describe("ignored columns", () => {
  const HEADER = "ユーザID,記号,番号,備考,生年月日,姓,名,メモ";
  const ROW = "yamada.taro,12,3456789,電話あり,1980-12-01,山田,太郎,";
  test.each([
    [["備考", "メモ"], undefined],
    [["備考", "ﾒﾓ"], undefined],
    [[" 備考 ", "メ モ"], undefined],
    [["備考"], /unknown column\(s\): "メモ".*--ignore-columns メモ/],
    [[], /unknown column\(s\): "備考", "メモ".*--ignore-columns 備考,メモ/],
  ])("ignoring %j: %s", async (ignoreColumns, refused) => {
    const path = file(`${HEADER}\n${ROW}\n`);
    if (refused) {
      await expect(validateFile(path, { today, ignoreColumns })).rejects.toThrow(refused);
      return;
    }
    const summary = await validateFile(path, { today, ignoreColumns });
    const rows = [];
    for await (const row of validMembers(summary, { today })) rows.push(row);
    expect(rows.map((r) => [r.userId, r.birthdate])).toEqual([["yamada.taro", "1980-12-01"]]);
  });

  test("an ignored name never hides a required column", async () => {
    await expect(validateFile(file(`${JA_HEADER}\n${GOOD}\n`), { ignoreColumns: ["記号"] })).rejects.toThrow(
      /missing column\(s\): 記号 \(symbol\)/,
    );
  });
});

describe("errors name the columns as the file names them, in the admin's language", () => {
  const BAD = "taro,1a,3456789,,1980-02-30,山田,,";
  afterEach(() => {
    process.env.LC_ALL = "C.UTF-8";
  });
  test.each([
    [
      "C.UTF-8",
      JA_HEADER,
      [
        '記号 must be 1–8 digits (got "1a")',
        '生年月日: 1980-02-30 is not a date in the calendar (got "1980-02-30")',
        "名 is empty",
      ],
    ],
    [
      "ja_JP.UTF-8",
      JA_HEADER,
      [
        "記号は1〜8桁の数字にしてください（値:「1a」）",
        "生年月日: 1980-02-30 は暦にない日付です（値:「1980-02-30」）",
        "名が空です",
      ],
    ],
    [
      "ja_JP.UTF-8",
      "user_id,symbol,number,branch,birthdate,last_name,first_name,email",
      [
        "symbolは1〜8桁の数字にしてください（値:「1a」）",
        "birthdate: 1980-02-30 は暦にない日付です（値:「1980-02-30」）",
        "first_nameが空です",
      ],
    ],
  ])("LC_ALL=%s, header %s", async (locale, header, messages) => {
    process.env.LC_ALL = locale;
    const summary = await validateFile(file(`${header}\n${BAD}\n`), { today });
    expect(summary.errors.map((e) => e.message)).toEqual(messages);
  });

  test.each([
    ["S64.1.8", "生年月日: 1989-01-08 is outside 昭和 (1926-12-25 – 1989-01-07)"],
    ["2099-01-01", "生年月日: 2099-01-01 is in the future"],
    ["1899-12-31", "生年月日: 1899-12-31 is before 1900"],
    ["昭和0年1月1日", "生年月日: the era year must be 1 (元年) or more"],
    ["12/1/1980", "生年月日: use YYYYMMDD"],
  ])("birthdate %s: %s", async (value, message) => {
    const summary = await validateFile(file(`${JA_HEADER}\ntaro,1,1,,${value},山田,太郎,\n`), { today });
    expect(summary.errors[0]?.message).toContain(message);
  });
});

type ExecError = { code: number; stdout: string; stderr: string };

describe("the CLI", () => {
  const root = new URL("..", import.meta.url).pathname;
  // English, whatever the machine's locale: the texts are asserted.
  const cli = (args: string[]) =>
    run("npx", ["tsx", "cli/kenpo.ts", ...args], { cwd: root, env: { ...process.env, LC_ALL: "C.UTF-8" } });

  test("initial-password prints exactly one line", async () => {
    const { stdout } = await cli([
      "initial-password",
      "--symbol",
      "12",
      "--number",
      "3456789",
      "--birthdate",
      "昭和55年12月1日",
    ]);
    expect(stdout).toBe("12345678919801201\n");
    await expect(
      cli(["initial-password", "--symbol", "12", "--number", "34x", "--birthdate", "1980-12-01"]),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--number") });
  });

  test("import-members --validate-only --report json: exit 0, 1 and 2", async () => {
    const good = await cli(["import-members", file(`${JA_HEADER}\n${GOOD}\n`), "--validate-only", "--report", "json"]);
    expect(JSON.parse(good.stdout)).toEqual({ total: 1, valid: 1, invalid: 0, errors: [] });

    const bad = cli([
      "import-members",
      file(`${JA_HEADER}\n${GOOD}\nx,1,1,,1980-01-01,a,,\n`),
      "--validate-only",
      "--report",
      "json",
    ]);
    await expect(bad).rejects.toMatchObject({ code: 1 });
    const badOut = JSON.parse((await bad.catch((e: { stdout: string }) => e)).stdout) as {
      errors: { line: number; field: string }[];
    };
    expect(badOut).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(badOut.errors.map((e) => [e.line, e.field])).toEqual([
      [3, "user_id"],
      [3, "first_name"],
    ]);

    await expect(
      cli(["import-members", join(dir, "nope.csv"), "--validate-only", "--report", "json"]),
    ).rejects.toMatchObject({ code: 2 });
  });
  test("import-members --ignore-columns and the config's register.ignoreColumns; unknown columns named, in Japanese too", async () => {
    const register = file(
      `ユーザーID,記号,番号,備考,生年月日,姓,名,メモ\n${"taro,12,3456789,電話あり,1980-12-01,山田,太郎,"}\n`,
    );
    const refused = await cli(["import-members", register, "--validate-only"]).catch((e: ExecError) => e);
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/"備考", "メモ".*--ignore-columns 備考,メモ/),
    });

    const ja = await run("npx", ["tsx", "cli/kenpo.ts", "import-members", register, "--validate-only"], {
      cwd: root,
      env: { ...process.env, LC_ALL: "ja_JP.UTF-8" },
    }).catch((e: ExecError) => e);
    expect(ja).toMatchObject({ code: 2, stderr: expect.stringContaining('不明な列: "備考", "メモ"') });

    const ok = await cli(["import-members", register, "--validate-only", "--ignore-columns", "備考、メモ"]);
    expect(ok.stdout).toMatch(/1 rows, 1 valid, 0 invalid/);

    const config = file(
      `${readFileSync(join(root, "realm-config/societies/demo.yaml"), "utf8")}\nregister:\n  ignoreColumns: [備考]\n`,
      "yaml",
    );
    const both = await cli([
      "import-members",
      register,
      "--validate-only",
      "--config",
      config,
      "--ignore-columns",
      "メモ",
    ]);
    expect(both.stdout).toMatch(/1 rows, 1 valid, 0 invalid/);
    await expect(cli(["import-members", register, "--validate-only", "--config", config])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown column\(s\): "メモ"/),
    });
  });
});

test.each(["個人番号", "加入者番号", "person_number"])(
  "the society's person number (%s): folded and upper-cased, once per file, masked in messages",
  async (header) => {
    const { summary, rows } = await members(
      file(
        `${JA_HEADER},${header}\n${GOOD},ａｂ-０１２３４\n` +
          `b.member,12,3456790,,1980-12-01,山田,花子,,AB-01234\nc.member,12,3456791,,1980-12-01,山田,次郎,,\n`,
      ),
    );
    expect(rows.map((r) => r.personNumber)).toEqual([undefined]);
    expect(summary.errors.filter((e) => e.field === "person_number").map((e) => e.line)).toEqual([2, 3]);
    expect(summary.errors[0]?.message).toContain("AB****34");
    expect(summary.errors[0]?.message).not.toContain("AB-01234");
    expect(["AB-01234", "ab-01234", "AB-0123", ""].map((p) => summary.personNumbers.has(p))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(summary.invalidKeys).toEqual(new Set(["12/3456789/00", "12/3456790/", "AB-01234"]));
  },
);
