import { initialPassword } from "../rules/initial-password.js";
import type { ImportMember } from "../members/keycloak-writer.js";

/**
 * Fresh members for a benchmark: card data spread over ages and months, the initial password
 * derived from it as in production, and an email (Keycloak's user profile would otherwise ask for
 * one at login and add a page to every journey).
 */
/** The import matches members by card: each prefix gets its own block of card numbers in this process. */
const blocks = new Map<string, number>();
const BLOCK = 100_000;

export function benchMembers(
  prefix: string,
  count: number,
  options: { numberBase: number; firstName: string },
): ImportMember[] {
  if (count > BLOCK) throw new Error(`benchMembers: at most ${BLOCK} members per prefix, asked for ${count}`);
  if (!blocks.has(prefix)) blocks.set(prefix, blocks.size);
  const base = options.numberBase + blocks.get(prefix)! * BLOCK;
  return Array.from({ length: count }, (_, i) => {
    const m = {
      line: i + 2,
      userId: `${prefix}${i}`,
      symbol: String(10 + (i % 90)),
      number: String(base + i),
      birthdate: `19${String(40 + (i % 60)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      lastName: "健保",
      firstName: `${options.firstName}${i}`,
      email: `${prefix}${i}@example.test`,
    };
    return { ...m, initialPassword: initialPassword(m) };
  });
}
