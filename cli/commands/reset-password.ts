import type { Command } from "commander";
import { resetPassword, resetReport, type ResetPasswordOptions } from "../../members/reset-password.js";
import { connectSociety, withSocietyOptions, type SocietyOptions } from "./society.js";

export function registerResetPassword(program: Command): void {
  withSocietyOptions(
    program
      .command("reset-password")
      .argument("<user-id>", "the member's user ID (any case)")
      .description("help desk: put a member back to the initial password and the start of the first login (③)")
      .option(
        "--remove-mfa",
        "also remove the member's passkeys and OTP devices (phone lost or changed); the email address is confirmed again at ⑦",
      )
      .option("--keep-email-verified", "with --remove-mfa: keep the email address confirmed"),
  ).action(async (userId: string, opts: SocietyOptions & ResetPasswordOptions) => {
    const { config, admin } = await connectSociety(opts);
    try {
      process.stdout.write(resetReport(await resetPassword(admin, config.realm, userId, opts), opts));
    } finally {
      admin.close();
    }
  });
}
