import type { Command } from "commander";
import { unlockMember, unlockReport } from "../../members/unlock-member.js";
import { connectSociety, withSocietyOptions, type SocietyOptions } from "./society.js";

export function registerUnlock(program: Command): void {
  withSocietyOptions(
    program
      .command("unlock")
      .argument("<user-id>", "the member's user ID (any case)")
      .description("help desk: lift a member's lock after too many wrong answers, and nothing else"),
  ).action(async (userId: string, opts: SocietyOptions) => {
    const { config, admin } = await connectSociety(opts);
    try {
      process.stdout.write(unlockReport(await unlockMember(admin, config.realm, userId)));
    } finally {
      admin.close();
    }
  });
}
