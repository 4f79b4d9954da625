import type { Command } from "commander";
import { createTestMember } from "../../members/test-member.js";
import { connectSociety, withSocietyOptions, type SocietyOptions } from "./society.js";

export function registerTestMember(program: Command): void {
  withSocietyOptions(
    program
      .command("test-member")
      .argument("<user-id>", "the new member's user ID")
      .description(
        "integrators' tests, local Keycloak only: a member past the first login with a known password and OTP secret",
      )
      .option("--password <password>", "the member's password (default: a random one, printed)"),
  ).action(async (userId: string, opts: SocietyOptions & { password?: string }) => {
    const { config, admin } = await connectSociety(opts);
    try {
      const m = await createTestMember(admin, config, opts.url ?? config.server.url, userId, opts.password);
      process.stdout.write(
        `user ID:     ${m.userId}\npassword:    ${m.password}\nOTP secret:  ${m.otpSecret} (base32, TOTP SHA1, 6 digits, 30 s)\n${m.otpauthUri}\n`,
      );
    } finally {
      admin.close();
    }
  });
}
