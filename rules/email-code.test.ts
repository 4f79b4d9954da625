import { formatCode, isPlausibleEmail, isWellFormedCode, maskEmail, normalizeCode } from "./email-code.js";

test.each([
  ["123456", "123456"],
  [" 123 456 ", "123456"],
  ["１２３４５６", "123456"],
  ["123-456", "123456"],
  ["１２３ー４５６", "123456"],
  ["", ""],
  [null, ""],
])("normalizeCode(%j) = %j", (input, expected) => {
  expect(normalizeCode(input)).toBe(expected);
});

test.each([
  ["123456", true],
  ["000000", true],
  ["12345", false],
  ["1234567", false],
  ["12345a", false],
  ["", false],
])("isWellFormedCode(%j) = %j", (code, expected) => {
  expect(isWellFormedCode(code)).toBe(expected);
});

test.each([
  [0, "000000"],
  [42, "000042"],
  [999999, "999999"],
  [1000000, "000000"],
])("formatCode(%j) = %j", (n, expected) => {
  expect(formatCode(n)).toBe(expected);
});

test.each([
  ["taro@example.jp", "t***@example.jp"],
  ["a@b.jp", "a***@b.jp"],
  ["x.y+z@mail.example.co.jp", "x***@mail.example.co.jp"],
  ["no-at-sign", "***"],
  ["@example.jp", "***"],
])("maskEmail(%j) = %j", (address, expected) => {
  expect(maskEmail(address)).toBe(expected);
});

test.each([
  ["taro@example.jp", true],
  ["taro.yamada+kenpo@mail.example.co.jp", true],
  ["taro@localhost", false],
  ["taro example@example.jp", false],
  ["taro@@example.jp", false],
  ["taro@example.", false],
  ["", false],
  [`${"a".repeat(250)}@b.jp`, false],
])("isPlausibleEmail(%j) = %j", (address, expected) => {
  expect(isPlausibleEmail(address)).toBe(expected);
});
