import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { dirname, join, basename, extname } from "node:path";
import { mkdirSync } from "node:fs";
import { CREDENTIAL_TYPE } from "../contracts/index.js";
import { launchBrowser } from "../journeys/browser.js";
import { noticesHtml, type NoticeMember, type NoticeSociety } from "./notice-letters.js";
import { validateFile, validMembers, type ValidationSummary } from "./read-members.js";
import { isMember, MEMBER_STAGE, memberStage, realmUsers } from "./realm-users.js";

/**
 * Printing the letters: chromium turns `perFile` letters at a time into one PDF file, so memory holds
 * one file's letters whatever the register's size; a society with more members gets numbered files
 * (notices-001.pdf, notices-002.pdf, …) to print one after the other.
 */

export interface NoticeSource {
  /** Letters to print: the progress bar's total and whether one file is enough. */
  total: number;
  members: () => AsyncIterable<NoticeMember>;
}

/** From the register as the import reads it: valid rows only, issued `issuedAt` (the day of the import). */
export function noticesFromRegister(summary: ValidationSummary, issuedAt: number): NoticeSource {
  return {
    total: summary.valid,
    members: async function* () {
      for await (const row of validMembers(summary))
        yield { userId: row.userId, lastName: row.lastName, firstName: row.firstName, issuedAt };
    },
  };
}

export { validateFile };

/**
 * From the realm: enabled members who have not started the first login (stage initial), with the
 * day their initial password was written (the import or the help desk's reset), read from the
 * password itself. One request per such member for that date; the realm is paged.
 */
export async function noticesFromRealm(admin: KcAdminClient, realm: string): Promise<NoticeSource> {
  let total = 0;
  for await (const user of realmUsers(admin, realm))
    if (isMember(user) && memberStage(user) === MEMBER_STAGE.imported) total += 1;
  return {
    total,
    members: async function* () {
      for await (const user of realmUsers(admin, realm)) {
        if (!isMember(user) || memberStage(user) !== MEMBER_STAGE.imported) continue;
        const credentials = await admin.users.getCredentials({ realm, id: user.id! });
        const password = credentials.find((c) => c.type === CREDENTIAL_TYPE.password);
        yield {
          userId: user.username ?? "",
          lastName: user.lastName ?? "",
          firstName: user.firstName ?? "",
          issuedAt: password?.createdDate ?? Date.now(),
        };
      }
    },
  };
}

/** notices.pdf → notices-001.pdf, … when the letters need more than one file. */
export function noticeFile(out: string, index: number, files: number): string {
  if (files <= 1) return out;
  const ext = extname(out) || ".pdf";
  return join(dirname(out), `${basename(out, extname(out))}-${String(index + 1).padStart(3, "0")}${ext}`);
}

export async function printNotices(
  source: NoticeSource,
  society: NoticeSociety,
  options: { out: string; perFile?: number; onProgress?: (printed: number) => void },
): Promise<{ letters: number; files: string[] }> {
  const perFile = options.perFile ?? 500;
  const fileCount = Math.ceil(source.total / perFile);
  mkdirSync(dirname(options.out), { recursive: true });
  const browser = await launchBrowser();
  const files: string[] = [];
  let letters = 0;
  try {
    // A fresh page per file: one page reused for every file kept growing (chromium's processes from
    // 1.4 to 1.8 GiB RSS over 10,000 letters, bench:notices); closing it gives its renderer's memory back.
    const print = async (batch: NoticeMember[]) => {
      const file = noticeFile(options.out, files.length, fileCount);
      const page = await browser.newPage();
      try {
        await page.setContent(noticesHtml(batch, society), { waitUntil: "load" });
        await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
      } finally {
        await page.close();
      }
      files.push(file);
      letters += batch.length;
      options.onProgress?.(letters);
    };
    let batch: NoticeMember[] = [];
    for await (const member of source.members()) {
      batch.push(member);
      if (batch.length >= perFile) {
        await print(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await print(batch);
  } finally {
    await browser.close();
  }
  return { letters, files };
}
