/**
 * `npm run bench:notices`: `kenpo notices` at register sizes BENCH_SIZES (default 1000,10000), from a
 * generated register file as an admin's would be, through the same code the command runs
 * (members/notice-pdf.ts: validated rows, chromium printing `--per-file` letters per PDF, default
 * 500 or BENCH_PER_FILE). For each size: time, pages/s, peak RSS / heap of this node process (run
 * with NODE_OPTIONS=--expose-gc, as the npm script does, the heap is sampled after a collection at each
 * file's end, between samples every 250 ms of heap plus garbage), peak
 * memory of chromium (all its processes: RSS summed, and PSS summed, which counts the pages they
 * share once), the files written and their size; then every file is read back with pdf.js to
 * count its pages, so a figure is never one of a short run. Memory is what shows whether the
 * letters are printed in bounded memory: it should not grow from one size to the next.
 * No Keycloak: the register is the source (--from-realm only differs in where the rows come from).
 * Prints figures; asserts nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { noticeSociety } from "../members/notice-letters.js";
import { noticesFromRegister, printNotices, validateFile } from "../members/notice-pdf.js";
import { loadSocietyConfig } from "../realm-config/load.js";
import { repoRoot } from "../runtime/keycloak/paths.js";

const sizes = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const perFile = process.env.BENCH_PER_FILE ? Number(process.env.BENCH_PER_FILE) : undefined;
const work = mkdtempSync(join(tmpdir(), "kenpo-bench-notices-"));

function registerFile(count: number): string {
  const file = join(work, `register-${count}.csv`);
  const lines = ["user_id,symbol,number,branch,birthdate,last_name,first_name,email"];
  for (let i = 0; i < count; i += 1)
    lines.push(
      [
        `member${i}`,
        String(10 + (i % 90)),
        String(10_000_000 + i),
        "",
        `19${String(40 + (i % 60)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
        "健保",
        `花子${i}`,
        "",
      ].join(","),
    );
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** Every process below this one (chromium and its renderers, GPU and utility processes) with its parent. */
function descendants(): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name sits in parentheses and may hold spaces: the parent pid follows the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const found: number[] = [];
  const queue = [process.pid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const [child, p] of parent)
      if (p === pid) {
        found.push(child);
        queue.push(child);
      }
  }
  return found;
}

/** RSS and PSS in KiB, summed over the processes (smaps_rollup: one read per process). */
function memoryOf(pids: number[]): { rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // Gone meanwhile.
    }
  }
  return { rss, pss };
}

async function pdfPages(file: string): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

const config = loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`);
const society = await noticeSociety(config);
const MiB = (kib: number) => `${(kib / 1024).toFixed(0)}`;
const rows: string[][] = [
  ["letters", "time", "pages/s", "node RSS / heap", "chromium RSS / PSS", "files", "output", "pages read back"],
];
const written: string[][] = [];
try {
  for (const size of sizes) {
    const register = registerFile(size);
    const summary = await validateFile(register);
    if (summary.invalid > 0) throw new Error(`the generated register has ${summary.invalid} invalid row(s)`);
    const outDir = join(work, `out-${size}`);
    global.gc?.();
    const peak = { rss: 0, heap: 0, chromeRss: 0, chromePss: 0 };
    // Chromium's processes come and go (a renderer per page); sampling every 250 ms keeps the
    // sampler's own cost (a /proc walk) small next to the printing.
    const sample = () => {
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss / 1024);
      peak.heap = Math.max(peak.heap, m.heapUsed / 1024);
      const chrome = memoryOf(descendants());
      peak.chromeRss = Math.max(peak.chromeRss, chrome.rss);
      peak.chromePss = Math.max(peak.chromePss, chrome.pss);
    };
    const timer = setInterval(sample, 250);
    let lastShown = 0;
    const started = Date.now();
    const result = await printNotices(noticesFromRegister(summary, Date.parse("2026-04-01T00:00:00+09:00")), society, {
      out: join(outDir, "notices.pdf"),
      ...(perFile ? { perFile } : {}),
      onProgress: (printed) => {
        // After each file, with --expose-gc: the heap that is still live, not garbage not yet collected.
        global.gc?.();
        sample();
        // A line per ~10 % so a long run shows it is alive (the command's bar needs a terminal).
        if (printed - lastShown >= size / 10 || printed === size) {
          lastShown = printed;
          process.stderr.write(
            `  ${printed}/${size} letters, ${((Date.now() - started) / 1000).toFixed(0)} s, node RSS ${MiB(peak.rss)} MiB, chromium RSS ${MiB(peak.chromeRss)} MiB\n`,
          );
        }
      },
    });
    const seconds = (Date.now() - started) / 1000;
    clearInterval(timer);
    const bytes = result.files.reduce((sum, f) => sum + statSync(f).size, 0);
    rows.push([
      `${result.letters}`,
      `${seconds.toFixed(1)} s`,
      `${(result.letters / seconds).toFixed(1)}`,
      `${MiB(peak.rss)} / ${MiB(peak.heap)} MiB`,
      `${MiB(peak.chromeRss)} / ${MiB(peak.chromePss)} MiB`,
      `${result.files.length}`,
      `${(bytes / 2 ** 20).toFixed(1)} MiB (${(bytes / result.letters / 1024).toFixed(1)} KiB/letter)`,
    ]);
    written.push(result.files);
  }
  // Read back once every size is measured: pdf.js's memory would otherwise count in the next size's.
  for (const [i, files] of written.entries()) {
    let pages = 0;
    for (const f of files) pages += await pdfPages(f);
    rows[i + 1]!.push(`${pages}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
process.stdout.write(`\nNotice letters benchmark, ${perFile ?? 500} letters per file\n`);
for (const r of rows) process.stdout.write(`  ${r.map((v, c) => v.padEnd(widths[c]!)).join("  ")}\n`);
