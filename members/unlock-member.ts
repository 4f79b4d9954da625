import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { normalizeUserId } from "../rules/user-id.js";
import { findMember } from "./reset-member.js";

/**
 * `kenpo unlock USER_ID`: the help desk lifts Keycloak's brute-force lock of one member and
 * nothing else. Password, stage, devices, email confirmation and sessions stay as they are: the
 * member knows the password again (or was locked by someone else's guesses) and only has to wait
 * no longer.
 */

export interface UnlockResult {
  userId: string;
  /** Locked at the time of the call (Keycloak's temporary lockout). */
  wasLocked: boolean;
  /** Wrong answers Keycloak was counting towards a lock; forgotten by the unlock. */
  failures: number;
}

export async function unlockMember(admin: KcAdminClient, realm: string, userIdInput: string): Promise<UnlockResult> {
  const userId = normalizeUserId(userIdInput);
  const user = await findMember(admin, realm, userId);
  const status = (await admin.attackDetection.findOne({ realm, id: user.id })) ?? {};
  const wasLocked = status.disabled === true;
  const failures = typeof status.numFailures === "number" ? status.numFailures : 0;
  // Only when there is something to forget: an unlock of an unlocked member writes nothing.
  if (wasLocked || failures > 0) await admin.attackDetection.del({ realm, id: user.id });
  return { userId, wasLocked, failures };
}

export function unlockReport(result: UnlockResult): string {
  if (result.wasLocked)
    return `${result.userId}: unlocked; the member can log in again now (password, devices and stage unchanged)\n`;
  const forgotten = result.failures > 0 ? ` (${result.failures} earlier wrong answer(s) forgotten)` : "";
  return `${result.userId}: was not locked${forgotten}; nothing else changed\n`;
}
