import { t } from "../admin-messages/catalogue.js";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import Encoding from "encoding-japanese";
import iconv from "iconv-lite";

/**
 * Member registers as admins export them from Excel: CSV or TSV, UTF-8 with or without BOM or
 * Shift_JIS (CP932), CRLF or LF, quoted fields that may span lines. Records stream out with the
 * physical line they start on, so a 100,000-row file is never held in memory.
 */

export type FileEncoding = "utf-8" | "shift_jis";

export class FileReadError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export interface RawRecord {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

const SAMPLE_BYTES = 64 * 1024;

async function sample(file: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw new FileReadError(
      t("fileCannotOpen", { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }),
    );
  }
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isUtf8(bytes: Buffer): boolean {
  // The sample may end inside a multi-byte character: drop an incomplete tail before checking.
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (back < need) end -= back;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** BOM → UTF-8; valid UTF-8 → UTF-8; otherwise Shift_JIS when it looks like it; else unreadable. */
export async function detectEncoding(file: string): Promise<FileEncoding> {
  const bytes = await sample(file);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (isUtf8(bytes)) return "utf-8";
  const detected = Encoding.detect(bytes);
  if (detected === "SJIS") return "shift_jis";
  throw new FileReadError(t("fileEncodingUnknown", { file }));
}

/** CRLF (and lone CR) → LF, also across chunk boundaries, so line counting has one newline to count. */
class NormalizeNewlines extends Transform {
  private pendingCr = false;
  constructor() {
    super({ decodeStrings: false, encoding: "utf8" });
  }
  override _transform(chunk: string, _enc: BufferEncoding, done: TransformCallback): void {
    let text = (this.pendingCr ? "\r" : "") + chunk;
    this.pendingCr = text.endsWith("\r");
    if (this.pendingCr) text = text.slice(0, -1);
    done(null, text.replace(/\r\n?/g, "\n"));
  }
  override _flush(done: TransformCallback): void {
    done(null, this.pendingCr ? "\n" : "");
  }
}

function detectDelimiter(headerLine: string): "," | "\t" {
  const tabs = headerLine.split("\t").length;
  const commas = headerLine.split(",").length;
  return tabs > commas ? "\t" : ",";
}

export async function* readRecords(file: string, encoding: FileEncoding): AsyncGenerator<RawRecord> {
  const head = iconv.decode(await sample(file), encoding === "shift_jis" ? "cp932" : "utf8").replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(head.split(/\r?\n/)[0] ?? "");
  const decoded = createReadStream(file)
    .pipe(iconv.decodeStream(encoding === "shift_jis" ? "cp932" : "utf8", { stripBOM: true }))
    .pipe(new NormalizeNewlines());
  const parser = decoded.pipe(
    parse({ delimiter, info: true, raw: true, skip_empty_lines: true, relax_column_count: true, trim: false }),
  );
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      // info.lines is where the record ends; a quoted field may have spanned several lines.
      const own = item.raw.replace(/^\n+/, "").replace(/\n$/, "");
      const spanned = own.split("\n").length - 1;
      yield { line: item.info.lines - spanned, fields: item.record };
    }
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    throw new FileReadError(`${file}: ${e.message}`, e.lines);
  }
}
