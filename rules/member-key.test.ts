import { describeKey, maskNumber, memberKey } from "./member-key.js";

test.each([
  ["digits as printed", "12", "3456789", "00", "12/3456789/00"],
  ["leading zeros are part of the card", "012", "0034567", "01", "012/0034567/01"],
  ["no 枝番", "15", "1200345", undefined, "15/1200345/"],
  ["an empty 枝番 is no 枝番", "15", "1200345", "", "15/1200345/"],
  ["full-width digits and spaces as Excel exports them", "１２", " ３４５６７８９ ", "００", "12/3456789/00"],
  ["no symbol: no card", "", "3456789", "00", undefined],
  ["letters: no card", "12", "34a", "", undefined],
  ["a non-digit 枝番: no card", "12", "3456789", "x", undefined],
  ["missing attributes: no card", undefined, undefined, undefined, undefined],
])("memberKey: %s", (_, symbol, number, branch, key) => {
  expect(memberKey(symbol, number, branch)).toBe(key);
});

test("different 枝番 are different members, and so is 枝番 00 against none", () => {
  expect(memberKey("12", "3456789", "00")).not.toBe(memberKey("12", "3456789", "01"));
  expect(memberKey("12", "3456789", "00")).not.toBe(memberKey("12", "3456789", ""));
  expect(memberKey("12", "3456789", "")).not.toBe(memberKey("123", "456789", ""));
});

test.each([
  ["3456789", "34***89"],
  ["1234567890123", "12*********23"],
  ["12345", "12*45"],
  ["1234", "****"],
  ["1", "*"],
  ["", ""],
])("maskNumber(%s) = %s", (number, masked) => {
  expect(maskNumber(number)).toBe(masked);
});

test("describeKey shows the card with 番号 masked", () => {
  expect(describeKey(memberKey("12", "3456789", "00")!)).toBe("記号 12 番号 34***89 枝番 00");
  expect(describeKey(memberKey("15", "1200345", "")!)).toBe("記号 15 番号 12***45");
});
