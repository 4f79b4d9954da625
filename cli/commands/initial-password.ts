import type { Command } from "commander";
import { initialPasswordOf } from "../../rules/initial-password.js";

export function registerInitialPassword(program: Command): void {
  program
    .command("initial-password")
    .description("print a member's initial password (記号 + 番号 + 生年月日 YYYYMMDD), one line, nothing else")
    .requiredOption("--symbol <記号>", "記号 as printed on the card (leading zeros kept)")
    .requiredOption("--number <番号>", "番号 as printed on the card (leading zeros kept)")
    .requiredOption("--birthdate <生年月日>", "e.g. 1980-12-01, 19801201, 昭和55年12月1日, S55.12.1")
    .action((opts: { symbol: string; number: string; birthdate: string }) => {
      const result = initialPasswordOf(opts);
      if (!result.ok) {
        process.stderr.write(`kenpo: --${result.field}: ${result.message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${result.password}\n`);
    });
}
