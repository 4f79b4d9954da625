import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { CREDENTIAL_TYPE, USER_ATTRIBUTE } from "../contracts/index.js";
import { initialPasswordOf } from "../rules/initial-password.js";
import { normalizeUserId } from "../rules/user-id.js";
import { findMember, resetMember, type ResetResult } from "./reset-member.js";
import { firstAttribute } from "./attributes.js";
import { t } from "../admin-messages/catalogue.js";

/**
 * The help desk's reset, start to end (`kenpo reset-password`): the user ID as the caller spells
 * it, the initial password from the card data the account already holds (the register is not at
 * hand on a phone call), then resetMember. Printing is the caller's; resetReport words it.
 */

export interface ResetPasswordOptions {
  removeMfa?: boolean;
  keepEmailVerified?: boolean;
}

export async function resetPassword(
  admin: KcAdminClient,
  realm: string,
  userIdInput: string,
  options: ResetPasswordOptions = {},
): Promise<ResetResult> {
  const userId = normalizeUserId(userIdInput);
  const user = await findMember(admin, realm, userId);
  const password = initialPasswordOf({
    symbol: firstAttribute(user, USER_ATTRIBUTE.symbol) ?? "",
    number: firstAttribute(user, USER_ATTRIBUTE.number) ?? "",
    birthdate: firstAttribute(user, USER_ATTRIBUTE.birthdate) ?? "",
  });
  if (!password.ok) throw new Error(t("resetNoCard", { userId, field: password.field }));
  const result = await resetMember(admin, realm, user, password.password, options);
  // The ID the help desk asked for, normalized: what the report names the member by.
  return { ...result, userId };
}

/** What the help desk reads back to the member: what was reset, and which devices went or stayed. */
export function resetReport(result: ResetResult, options: ResetPasswordOptions = {}): string {
  const lines = [t("resetDone", { userId: result.userId })];
  if (options.removeMfa) {
    if (result.removedDevices.length === 0) lines.push(t("resetNoDevices"));
    for (const d of result.removedDevices)
      lines.push(t(d.type === CREDENTIAL_TYPE.otp ? "resetRemovedOtp" : "resetRemovedPasskey", { name: d.name }));
    if (!options.keepEmailVerified) lines.push(t("resetEmailAgain"));
  } else if (result.keptDevices.length > 0) {
    lines.push(t("resetKept", { names: result.keptDevices.map((d) => d.name).join(", ") }));
  }
  return lines.map((l) => `${l}\n`).join("");
}
