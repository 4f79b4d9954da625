import { initialPassword, initialPasswordOf } from "./initial-password.js";

test("the manual's example: 記号 12, 番号 3456789, born 1980-12-01", () => {
  expect(initialPassword({ symbol: "12", number: "3456789", birthdate: "1980-12-01" })).toBe("12345678919801201");
});

test("leading zeros of 記号 and 番号 are kept, full-width digits folded, any birthdate format", () => {
  expect(initialPassword({ symbol: "０１２", number: "0034", birthdate: "S55.12.1" })).toBe("012003419801201");
});

test("bad card numbers name the field", () => {
  expect(initialPasswordOf({ symbol: "1a", number: "1", birthdate: "1980-12-01" })).toMatchObject({
    ok: false,
    field: "symbol",
  });
  expect(initialPasswordOf({ symbol: "1", number: "", birthdate: "1980-12-01" })).toMatchObject({
    ok: false,
    field: "number",
  });
  expect(initialPasswordOf({ symbol: "1", number: "2", birthdate: "1980-02-30" })).toMatchObject({
    ok: false,
    field: "birthdate",
  });
  expect(() => initialPassword({ symbol: "1", number: "2", birthdate: "x" })).toThrow(/birthdate/);
});
