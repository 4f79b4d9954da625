import { cleanField } from "./text.js";

/**
 * User IDs: what Keycloak stores well and members can type on a phone. Keycloak compares them
 * case-insensitively and stores them in lower case; so do we. ES5-clean (used at step ⑤).
 */
export const USER_ID_RULE = /^[a-z0-9][a-z0-9._@-]{2,63}$/;

/**
 * The one normalisation of a user ID, wherever one comes from: the register's user_id column, a new ID
 * typed at ⑤, the help desk's command line. Width folding rather than NFKC, because Nashorn has no
 * String.prototype.normalize and the import must store exactly the ID a member's typing becomes.
 */
export function normalizeUserId(input: string | null | undefined): string {
  return cleanField(input).toLowerCase();
}

export function isValidUserId(userId: string): boolean {
  return USER_ID_RULE.test(userId);
}
