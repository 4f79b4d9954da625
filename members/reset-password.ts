import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { CREDENTIAL_TYPE, USER_ATTRIBUTE } from "../contracts/index.js";
import { initialPasswordOf } from "../rules/initial-password.js";
import { normalizeUserId } from "../rules/user-id.js";
import { findMember, resetMember, type ResetResult } from "./reset-member.js";
import { firstAttribute } from "./attributes.js";

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
  if (!password.ok)
    throw new Error(`member ${userId} has no usable card data (${password.field}): re-import the member's row first`);
  const result = await resetMember(admin, realm, user, password.password, options);
  // The ID the help desk asked for, normalized: what the report names the member by.
  return { ...result, userId };
}

/** What the help desk reads back to the member: what was reset, and which devices went or stayed. */
export function resetReport(result: ResetResult, options: ResetPasswordOptions = {}): string {
  let text = `${result.userId}: password reset to the initial password (記号+番号+生年月日); the member starts again at the birthdate step (③)\n`;
  if (options.removeMfa) {
    text +=
      result.removedDevices.length === 0
        ? "  no passkeys or OTP devices were registered\n"
        : result.removedDevices
            .map((d) => `  removed ${d.type === CREDENTIAL_TYPE.otp ? "OTP device" : "passkey"}: ${d.name}\n`)
            .join("");
    if (!options.keepEmailVerified)
      text += "  the email address is to be confirmed again at the next first login (⑦)\n";
  } else if (result.keptDevices.length > 0) {
    text += `  kept: ${result.keptDevices.map((d) => d.name).join(", ")} (use --remove-mfa if the phone was lost or changed)\n`;
  }
  return text;
}
