import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { CREDENTIAL_TYPE, USER_ATTRIBUTE } from "../contracts/index.js";
import { resetPassword, resetReport } from "./reset-password.js";
import type { ResetResult } from "./reset-member.js";

// The English texts are asserted, whatever the machine's locale.
process.env.LC_ALL = "C.UTF-8";

const result = (devices: ResetResult["removedDevices"], removed: boolean): ResetResult => ({
  userId: "member8",
  removedDevices: removed ? devices : [],
  keptDevices: removed ? [] : devices,
});
const DEVICES = [
  { type: CREDENTIAL_TYPE.otp, name: "iPhone 15" },
  { type: CREDENTIAL_TYPE.passkey, name: "Pixel 8" },
];
const FIRST =
  "member8: password reset to the initial password (記号+番号+生年月日); the member starts again at the birthdate step (③)\n";

test("the report: the reset, then the devices kept or removed and whether the email is confirmed again", () => {
  expect(resetReport(result([], false))).toBe(FIRST);
  expect(resetReport(result(DEVICES, false))).toBe(
    `${FIRST}  kept: iPhone 15, Pixel 8 (use --remove-mfa if the phone was lost or changed)\n`,
  );
  expect(resetReport(result(DEVICES, true), { removeMfa: true })).toBe(
    `${FIRST}  removed OTP device: iPhone 15\n  removed passkey: Pixel 8\n  the email address is to be confirmed again at the next first login (⑦)\n`,
  );
  expect(resetReport(result([], true), { removeMfa: true, keepEmailVerified: true })).toBe(
    `${FIRST}  no passkeys or OTP devices were registered\n`,
  );
});

test("the user ID is looked up as normalized, and a member without card data is refused before anything is written", async () => {
  const asked: unknown[] = [];
  const user = {
    id: "u1",
    username: "member8",
    attributes: { [USER_ATTRIBUTE.symbol]: ["12"], [USER_ATTRIBUTE.birthdate]: ["1980-12-01"] },
  };
  // No update or credential methods: a write would fail with a TypeError, not the refusal.
  const admin = {
    users: { find: (query: unknown) => (asked.push(query), Promise.resolve([user])) },
  } as unknown as KcAdminClient;
  await expect(resetPassword(admin, "demo", " ＭＥＭＢＥＲ８ ")).rejects.toThrow(
    "member member8 has no usable card data (number): re-import the member's row first",
  );
  expect(asked).toEqual([{ realm: "demo", username: "member8", exact: true }]);
});
