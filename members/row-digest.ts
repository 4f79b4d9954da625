import { createHash } from "node:crypto";
import { t } from "../admin-messages/catalogue.js";
import type { MemberRow } from "./validate.js";

/**
 * A register is read twice, to plan and then to write, and nothing but digests of its rows is kept
 * in between. An admin who saves the file meanwhile must not get rows written that were planned
 * from other content: each row to be written is compared with its own digest before it is written,
 * and every row read goes into one digest of the whole file, compared before anything that depends
 * on the rows as a whole (the last batch of joiners, the leavers).
 */

export function rowDigest(row: MemberRow): string {
  return createHash("sha256").update(JSON.stringify(row)).digest("base64url");
}

export class FileDigest {
  private readonly hash = createHash("sha256");

  add(row: MemberRow): void {
    this.hash.update(rowDigest(row));
  }

  value(): string {
    return this.hash.copy().digest("base64url");
  }
}

export class RegisterChanged extends Error {
  constructor(where: string) {
    super(t("registerChanged", { where }));
  }
}

/**
 * The second read: the rows with what was planned for them (undefined: nothing to write). Throws
 * at a planned row whose content differs, and after the last row when the file as a whole does,
 * so the caller's loop stops before its own finishing writes.
 */
export async function* replannedRows<T>(
  rows: AsyncIterable<MemberRow>,
  planned: { get(line: number): { digest: string; decision: T } | undefined },
  fileDigest: string,
): AsyncGenerator<{ row: MemberRow; decision: T | undefined }> {
  const whole = new FileDigest();
  for await (const row of rows) {
    whole.add(row);
    const entry = planned.get(row.line);
    if (entry && entry.digest !== rowDigest(row))
      throw new RegisterChanged(t("registerChangedLine", { line: row.line }));
    yield { row, decision: entry?.decision };
  }
  if (whole.value() !== fileDigest) throw new RegisterChanged(t("registerChangedWhole"));
}
