import { URI } from "otpauth";
import { otpauthUri, unusedDeviceName } from "./otpauth";

test("the link is what an authenticator app reads from Keycloak's QR code", () => {
  const uri = otpauthUri({
    issuer: "みどり健康保険組合",
    account: "yamada.taro",
    secretBase32: "JBSW Y3DP EHPK 3PXP",
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  });
  expect(uri.startsWith("otpauth://totp/")).toBe(true);
  const parsed = URI.parse(uri);
  expect(parsed).toMatchObject({ issuer: "みどり健康保険組合", label: "yamada.taro", digits: 6, period: 30 });
  expect(parsed.algorithm).toBe("SHA1");
  expect(parsed.secret.base32).toBe("JBSWY3DPEHPK3PXP");
});

test.each([
  ["iPhone", [], "iPhone"],
  ["iPhone", ["Pixel"], "iPhone"],
  ["iPhone", ["iPhone"], "iPhone (2)"],
  ["iPhone", ["iPhone", "iPhone (2)"], "iPhone (3)"],
  ["iPhone", [" iPhone "], "iPhone (2)"],
])("unusedDeviceName(%j, %j) = %j", (name, taken, expected) => {
  expect(unusedDeviceName(name, taken)).toBe(expected);
});
