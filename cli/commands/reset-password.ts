import type { Command } from "commander";
import { CREDENTIAL_TYPE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { initialPasswordOf } from "../../rules/initial-password.js";
import { normalizeUserId } from "../../rules/user-id.js";
import { findMember, resetMember } from "../../members/reset-member.js";
import { connectSociety, withSocietyOptions } from "./society.js";

export function registerResetPassword(program: Command): void {
  withSocietyOptions(
    program
      .command("reset-password")
      .argument("<user-id>", "the member's user ID (any case)")
      .description("help desk: put a member back to the initial password and the start of the first login (③)")
      .option("--remove-mfa", "also remove the member's passkeys and OTP devices (phone lost or changed); the email address is confirmed again at ⑦")
      .option("--keep-email-verified", "with --remove-mfa: keep the email address confirmed"),
  ).action(async (userIdInput: string, opts: { config: string; url?: string; removeMfa?: boolean; keepEmailVerified?: boolean }) => {
    const userId = normalizeUserId(userIdInput);
    const { config, admin } = await connectSociety(opts);
    try {
      const user = await findMember(admin, config.realm, userId);
      const attrs = user.attributes ?? {};
      const password = initialPasswordOf({
        symbol: attrs[USER_ATTRIBUTE.symbol]?.[0] ?? "",
        number: attrs[USER_ATTRIBUTE.number]?.[0] ?? "",
        birthdate: attrs[USER_ATTRIBUTE.birthdate]?.[0] ?? "",
      });
      if (!password.ok) throw new Error(`member ${userId} has no usable card data (${password.field}): re-import the member's row first`);
      const result = await resetMember(admin, config.realm, user, password.password, { removeMfa: opts.removeMfa, keepEmailVerified: opts.keepEmailVerified });
      process.stdout.write(`${userId}: password reset to the initial password (記号+番号+生年月日); the member starts again at the birthdate step (③)\n`);
      if (opts.removeMfa) {
        process.stdout.write(
          result.removedDevices.length === 0
            ? "  no passkeys or OTP devices were registered\n"
            : result.removedDevices.map((d) => `  removed ${d.type === CREDENTIAL_TYPE.otp ? "OTP device" : "passkey"}: ${d.name}\n`).join(""),
        );
        if (!opts.keepEmailVerified) process.stdout.write("  the email address is to be confirmed again at the next first login (⑦)\n");
      } else if (result.keptDevices.length > 0) {
        process.stdout.write(`  kept: ${result.keptDevices.map((d) => d.name).join(", ")} (use --remove-mfa if the phone was lost or changed)\n`);
      }
    } finally {
      admin.close();
    }
  });
}
