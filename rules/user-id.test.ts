import { isValidUserId, normalizeUserId } from "./user-id.js";

// One normalisation for the register, ⑤ and the help desk: what a member types becomes the stored ID.
test("user IDs are width-folded, trimmed and lower-cased", () => {
  expect(normalizeUserId("ＮＥＷ.ＩＤ")).toBe("new.id");
  expect(normalizeUserId("\u3000Yamada.Taro ")).toBe("yamada.taro");
  expect(normalizeUserId("yamada\u2212taro")).toBe("yamada-taro");
  expect(normalizeUserId(null)).toBe("");
  expect(normalizeUserId(undefined)).toBe("");
});

test("a normalised ID is checked against the one rule", () => {
  expect(isValidUserId(normalizeUserId("ＯＴＰ．Ｔａｒｏ"))).toBe(true);
  expect(isValidUserId(normalizeUserId("x"))).toBe(false);
  expect(isValidUserId(normalizeUserId("山田"))).toBe(false);
});
