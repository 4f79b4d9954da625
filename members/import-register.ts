import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { initialPassword } from "../rules/initial-password.js";
import { writeMembers, type ImportMember, type WriteProgress, type WriteReport } from "./keycloak-writer.js";
import { FileReadError, HeaderError, validateFile, validMembers, type ValidationSummary } from "./read-members.js";
import type { FileEncoding } from "./read-file.js";
import type { MemberRow } from "./validate.js";
import { t } from "../admin-messages/catalogue.js";

/**
 * Importing a member register, start to end: read and validate the file, then (when it is fit and
 * this is not only a check) derive each member's initial password and write the members into the
 * realm. `kenpo import-members`, the demo and the import bench all import through here, so what
 * an admin's register goes through is what they measure and show. Printing is the caller's.
 */

export interface ImportRegisterOptions {
  /** The file's encoding as admins name it (utf-8, utf8, shift_jis, sjis, cp932, windows-31j); default: detected. */
  encoding?: string;
  /** Validate only: Keycloak is never contacted. */
  validateOnly?: boolean;
  dryRun?: boolean;
  /** Import the other rows even when some rows are invalid or conflict with the realm. */
  skipInvalid?: boolean;
  updateProfile?: boolean;
  batchSize?: number;
  /** Header names of columns to leave unread (備考, メモ): --ignore-columns plus the config's register.ignoreColumns. */
  ignoreColumns?: readonly string[];
}

export interface RealmConnection {
  admin: KcAdminClient;
  realm: string;
  /** Called once the import is done with the connection; absent when the caller keeps using it. */
  close?: () => void;
}

export interface ImportRegisterContext {
  /** Called only once the file is fit to import, so that checking a file never needs Keycloak. */
  connect: () => RealmConnection | Promise<RealmConnection>;
  /** Writing begins: `valid` members to go (a progress bar's total). */
  onStart?: (valid: number) => void;
  onProgress?: (progress: WriteProgress) => void;
}

export type ImportOutcome =
  /** The file could not be read, or its header is wrong: nothing was validated. */
  | { kind: "unreadable"; message: string }
  /** validateOnly: the file was checked, Keycloak was not contacted. */
  | { kind: "validated"; summary: ValidationSummary }
  /** Invalid rows without skipInvalid: Keycloak was not contacted, nothing was written. */
  | { kind: "invalid"; summary: ValidationSummary }
  /** The realm was planned against and, unless a dry run or refused for conflicts (see report), written. */
  | { kind: "imported"; summary: ValidationSummary; realm: string; report: WriteReport };

/** Office tools and admins spell the two encodings in many ways; an unknown one is a file error like a bad header. */
export function fileEncoding(name: string | undefined): FileEncoding | undefined {
  if (name === undefined) return undefined;
  const v = name.toLowerCase().replace(/[-_]/g, "");
  if (v === "utf8") return "utf-8";
  if (v === "shiftjis" || v === "sjis" || v === "cp932" || v === "windows31j") return "shift_jis";
  throw new FileReadError(t("fileEncodingOption", { name }));
}

/** A validated row as the writer takes it: with the initial password from its card. */
export function withInitialPassword(row: MemberRow): ImportMember {
  return { ...row, initialPassword: initialPassword(row) };
}

/**
 * The register's valid members, ready to write. A function rather than one generator, so the
 * writer streams the file once to plan and once to write instead of holding 100,000 rows.
 */
export function registerMembers(summary: ValidationSummary): () => AsyncGenerator<ImportMember> {
  return async function* () {
    for await (const row of validMembers(summary)) yield withInitialPassword(row);
  };
}

/** The register read and validated; a file that cannot be read, or a wrong header, is one message. */
export async function validateRegister(
  file: string,
  { encoding, ignoreColumns }: Pick<ImportRegisterOptions, "encoding" | "ignoreColumns">,
): Promise<ValidationSummary | { message: string }> {
  try {
    return await validateFile(file, { encoding: fileEncoding(encoding), ignoreColumns });
  } catch (error) {
    if (error instanceof FileReadError || error instanceof HeaderError) {
      return {
        message:
          error instanceof FileReadError && error.line
            ? t("fileLine", { line: error.line, message: error.message })
            : error.message,
      };
    }
    throw error;
  }
}

export async function importRegister(
  file: string,
  options: ImportRegisterOptions,
  ctx: ImportRegisterContext,
): Promise<ImportOutcome> {
  const summary = await validateRegister(file, options);
  if ("message" in summary) return { kind: "unreadable", message: summary.message };
  // The import never asks for person numbers (the sync does): its disk index can go now.
  summary.close();
  if (options.validateOnly) return { kind: "validated", summary };
  if (summary.invalid > 0 && !options.skipInvalid) return { kind: "invalid", summary };

  const { admin, realm, close } = await ctx.connect();
  ctx.onStart?.(summary.valid);
  try {
    const report = await writeMembers(registerMembers(summary), {
      admin,
      realm,
      dryRun: options.dryRun,
      updateProfile: options.updateProfile,
      skipConflicts: options.skipInvalid,
      batchSize: options.batchSize,
      onProgress: ctx.onProgress,
    });
    return { kind: "imported", summary, realm, report };
  } catch (error) {
    // Safe advice because the writer never overwrites: a re-run only adds who is still missing.
    throw new Error(t("importInterrupted", { reason: (error as Error).message }), { cause: error });
  } finally {
    close?.();
  }
}
