import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { importRegister, type ImportRegisterOptions } from "../../members/import-register.js";
import { importReport } from "../../members/import-report.js";
import {
  connectSociety,
  loadSociety,
  namedSociety,
  reportFormat,
  userPath,
  withSocietyOptions,
  type SocietyOptions,
} from "./society.js";

type ImportOptions = SocietyOptions &
  Omit<ImportRegisterOptions, "ignoreColumns"> & { report?: string; batchSize: number; ignoreColumns: string[] };

/** "備考,メモ" or "備考、メモ" (Japanese comma); may be given more than once. */
const columnList = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(/[,、]/)
    .map((v) => v.trim())
    .filter(Boolean),
];

export function registerImportMembers(program: Command): void {
  withSocietyOptions(
    program
      .command("import-members")
      .argument("<file>", "member register: CSV or TSV, UTF-8 (with or without BOM) or Shift_JIS")
      .description(
        "validate a member register and create its members with their initial passwords (never resets existing members)",
      )
      .option("--validate-only", "parse, normalize and validate the file without contacting Keycloak")
      .option("--dry-run", "say what would be created, skipped or updated, and write nothing")
      .option("--report <format>", "json: one JSON object on stdout")
      .option("--encoding <name>", "utf-8 or shift_jis (default: detected)")
      .option("--skip-invalid", "import the other rows even when some rows are invalid or conflict with the realm")
      .option(
        "--update-profile",
        "also update names, email and birthdate of the members their card matches, when the row changed (never the user ID)",
      )
      .option(
        "--ignore-columns <names>",
        "columns to leave unread, by their header (e.g. 備考,メモ); adds to the config's register.ignoreColumns",
        columnList,
        [],
      )
      .option("--batch-size <n>", "members per write", (v) => Number(v), 200),
  ).action(async (file: string, opts: ImportOptions) => {
    const json = reportFormat(opts.report);
    // A bar only for a person watching: it would garble a JSON report or a log.
    const bar =
      process.stderr.isTTY && !json
        ? new SingleBar(
            {
              format:
                " {bar} {percentage}% | {value}/{total} members | created {created} skipped {skipped} | ETA {eta_formatted}",
            },
            Presets.shades_classic,
          )
        : undefined;
    // Read before the file, for its register.ignoreColumns; only --validate-only may go without a society.
    const society = opts.validateOnly ? namedSociety(opts) : loadSociety(opts);
    const ignoreColumns = [...(society?.register.ignoreColumns ?? []), ...opts.ignoreColumns];
    const outcome = await importRegister(
      userPath(file),
      { ...opts, ignoreColumns },
      {
        connect: async () => {
          const { config, admin } = await connectSociety(opts, society);
          return { admin, realm: config.realm, close: () => admin.close() };
        },
        onStart: (valid) => bar?.start(valid, 0, { created: 0, skipped: 0 }),
        onProgress: (p) => bar?.update(p.processed, { created: p.created, skipped: p.skipped }),
      },
    ).finally(() => bar?.stop());
    const { stdout, stderr, exitCode } = importReport(outcome, { file, json });
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = exitCode;
  });
}
