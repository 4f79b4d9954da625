import { CATALOGUES, format, localeOf, placeholders, type MessageKey } from "./catalogue.js";

const keys = (locale: "en" | "ja") => Object.keys(CATALOGUES[locale]).sort();

test("both locales have the same keys", () => {
  expect(keys("ja")).toEqual(keys("en"));
});

test.each(Object.keys(CATALOGUES.en) as MessageKey[])("%s: ja uses the same parameters as en", (key) => {
  expect(placeholders(CATALOGUES.ja[key]).sort()).toEqual(placeholders(CATALOGUES.en[key]).sort());
});

test.each(Object.keys(CATALOGUES.en) as MessageKey[])("%s: the Japanese text is Japanese", (key) => {
  // Every Japanese message carries kana or kanji unless it is only parameters and punctuation.
  const text = CATALOGUES.ja[key];
  if (text.replace(/\{\w+\}/g, "").replace(/[\s:：…、「」]/g, "") !== "")
    expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
});

test.each([
  [{ LANG: "ja_JP.UTF-8" }, "ja"],
  [{ LANG: "ja_JP.eucJP" }, "ja"],
  [{ LANG: "ja" }, "ja"],
  [{ LC_MESSAGES: "ja_JP.UTF-8", LANG: "en_US.UTF-8" }, "ja"],
  [{ LC_ALL: "C", LANG: "ja_JP.UTF-8" }, "en"],
  [{ LC_ALL: "ja_JP.UTF-8", LANG: "C" }, "ja"],
  [{ LANG: "en_US.UTF-8" }, "en"],
  [{ LANG: "C.UTF-8" }, "en"],
  [{ LANG: "jam_JM" }, "en"],
  [{}, "en"],
])("localeOf(%j) = %s", (env, locale) => {
  expect(localeOf(env)).toBe(locale);
});

test.each([
  ["en", "rowEmpty", { column: "生年月日" }, "生年月日 is empty"],
  ["ja", "rowEmpty", { column: "生年月日" }, "生年月日が空です"],
  ["ja", "provisionApplied", { realm: "inahata", count: 3 }, "レルム inahata に 3 件の変更を適用しました"],
] as const)("format(%s, %s, %j) = %j", (locale, key, params, expected) => {
  expect(format(locale, key, params)).toBe(expected);
});
