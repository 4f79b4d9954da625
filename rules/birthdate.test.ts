import { parseBirthdate } from "./birthdate.js";

const today = new Date(2026, 10, 24);
const ok = (input: string) => parseBirthdate(input, today);

test.each([
  ["1980-12-01", "1980-12-01"],
  ["1980/12/1", "1980-12-01"],
  ["1980.12.1", "1980-12-01"],
  ["19801201", "1980-12-01"],
  ["1980年12月1日", "1980-12-01"],
  ["１９８０年１２月１日", "1980-12-01"],
  ["１９８０－１２－０１", "1980-12-01"],
  [" 1980 / 12 / 1 ", "1980-12-01"],
  ["昭和55年12月1日", "1980-12-01"],
  ["昭和５５年１２月１日", "1980-12-01"],
  ["㍼55年12月1日", "1980-12-01"],
  ["平成元年1月8日", "1989-01-08"],
  ["S55.12.1", "1980-12-01"],
  ["s55.12.1", "1980-12-01"],
  ["H2/1/8", "1990-01-08"],
  ["H元.1.8", "1989-01-08"],
  ["R1.5.1", "2019-05-01"],
  ["令和元年5月1日", "2019-05-01"],
  ["T15.12.24", "1926-12-24"],
  ["昭和64年1月7日", "1989-01-07"],
  ["2000-02-29", "2000-02-29"],
])("%s → %s", (input, expected) => {
  expect(ok(input)).toEqual({ ok: true, value: expected });
});

test.each([
  ["", "empty"],
  ["1980-13-01", "impossible"],
  ["1980-02-30", "impossible"],
  ["1900-02-29", "impossible"],
  ["2100-02-29", "impossible"],
  ["1981-02-29", "impossible"],
  ["昭和64年1月8日", "outside-era"],
  ["平成元年1月7日", "outside-era"],
  ["H31.5.1", "outside-era"],
  ["R1.4.30", "outside-era"],
  ["S1.12.24", "outside-era"],
  ["T15.12.25", "outside-era"],
  ["2026-11-25", "future"],
  ["R8.11.25", "future"],
  ["1899-12-31", "too-old"],
  ["80/12/1", "format"],
  ["December 1, 1980", "format"],
  ["昭和五十五年", "format"],
  ["X55.12.1", "format"],
])("%s is invalid (%s)", (input, reason) => {
  const result = ok(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.reason).toBe(reason);
    expect(result.message.length).toBeGreaterThan(5);
  }
});

test("today is not the future", () => {
  expect(ok("2026-11-24")).toEqual({ ok: true, value: "2026-11-24" });
});
