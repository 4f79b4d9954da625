import type { Command } from "commander";
import { Presets, SingleBar } from "cli-progress";
import { fileEncoding } from "../../members/import-register.js";
import { noticeSociety } from "../../members/notice-letters.js";
import {
  noticesFromRealm,
  noticesFromRegister,
  printNotices,
  validateFile,
  type NoticeSource,
} from "../../members/notice-pdf.js";
import { connectSociety, loadSociety, userPath, withSocietyOptions, type SocietyOptions } from "./society.js";

type NoticeOptions = SocietyOptions & {
  out: string;
  fromRealm?: boolean;
  issued?: string;
  perFile: number;
  encoding?: string;
};

function issuedDate(value: string | undefined): number {
  if (value === undefined) return Date.now();
  // Midnight in Japan: the import day as the society names it.
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00+09:00`) : NaN;
  if (Number.isNaN(time)) throw new Error(`--issued ${value}: give the import day as YYYY-MM-DD`);
  return time;
}

export function registerNotices(program: Command): void {
  withSocietyOptions(
    program
      .command("notices")
      .argument("[register]", "member register (as for import-members); or --from-realm")
      .description(
        "ID notice letters: an A4 PDF, one member per page (user ID, how to form the initial password, portal URL and QR code, contact, expiry)",
      )
      .requiredOption("--out <file>", "the PDF to write (more letters than --per-file: numbered files beside it)")
      .option("--from-realm", "letters for the realm's members who have not started the first login")
      .option("--issued <date>", "register only: the import day (YYYY-MM-DD) the expiry counts from; default today")
      .option("--per-file <n>", "letters per PDF file", (v) => Number(v), 500)
      .option("--encoding <name>", "register only: utf-8 or shift_jis (default: detected)"),
  ).action(async (register: string | undefined, opts: NoticeOptions) => {
    if (Boolean(register) === Boolean(opts.fromRealm)) throw new Error("give either a register file or --from-realm");
    if (!Number.isInteger(opts.perFile) || opts.perFile < 1) throw new Error("--per-file: a whole number, 1 or more");
    const config = loadSociety(opts);
    let source: NoticeSource;
    let close = () => undefined as void;
    if (register) {
      const summary = await validateFile(userPath(register), { encoding: fileEncoding(opts.encoding) });
      summary.close();
      if (summary.invalid > 0) {
        const first = summary.errors.slice(0, 5).map((e) => `  line ${e.line}, ${e.field}: ${e.message}\n`);
        throw new Error(
          `${summary.invalid} invalid row(s); fix the register first (as import-members --validate-only reports):\n${first.join("")}`,
        );
      }
      source = noticesFromRegister(summary, issuedDate(opts.issued));
    } else {
      const { admin } = await connectSociety(opts);
      close = () => admin.close();
      source = await noticesFromRealm(admin, config.realm);
    }
    const bar = process.stderr.isTTY
      ? new SingleBar({ format: " {bar} {value}/{total} letters | ETA {eta_formatted}" }, Presets.shades_classic)
      : undefined;
    bar?.start(source.total, 0);
    try {
      const result = await printNotices(source, await noticeSociety(config), {
        out: userPath(opts.out),
        perFile: opts.perFile,
        onProgress: (printed) => bar?.update(printed),
      });
      bar?.stop();
      process.stdout.write(
        `${result.letters} letter(s) in ${result.files.length} file(s):\n${result.files.map((f) => `  ${f}\n`).join("")}`,
      );
    } finally {
      bar?.stop();
      close();
    }
  });
}
