import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EMAIL_SUBJECT, EMAIL_TEMPLATE } from "../../contracts";

/**
 * The email theme is plain files Keycloak reads (Keycloakify copies src/email into the JAR as is):
 * these checks stand in for a compiler. Both locales carry every text, with the same parameters, and
 * every text a member reads has its Japanese and its English part.
 */
const dir = join(__dirname, "email");

function properties(locale: string): Map<string, string> {
  const entries = readFileSync(join(dir, "messages", `messages_${locale}.properties`), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const at = line.indexOf("=");
      return [line.slice(0, at), line.slice(at + 1)] as const;
    });
  return new Map(entries);
}

const ja = properties("ja");
const en = properties("en");
const placeholders = (text: string) => [...new Set(text.match(/\{\d\}/g) ?? [])].sort();

test("both locales carry the same keys", () => {
  expect([...en.keys()].sort()).toEqual([...ja.keys()].sort());
  expect(ja.size).toBeGreaterThan(10);
});

test.each([...ja.keys()])("%s: same parameters in both locales, Japanese and English in each", (key) => {
  for (const text of [ja.get(key)!, en.get(key)!]) {
    expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(text).toMatch(/[A-Za-z]{3,}/);
    // MessageFormat drops a lone apostrophe and what follows it up to the next one.
    expect(text.replace(/''/g, "")).not.toContain("'");
  }
  expect(placeholders(en.get(key)!)).toEqual(placeholders(ja.get(key)!));
});

test("Japanese first in the Japanese mails, English first in the English ones", () => {
  const body = "kenpoEmailCodeBody";
  expect(ja.get(body)!.indexOf("確認コード")).toBeLessThan(ja.get(body)!.indexOf("Confirmation code"));
  expect(en.get(body)!.indexOf("Confirmation code")).toBeLessThan(en.get(body)!.indexOf("確認コード"));
});

test("Keycloak gives stock subjects no parameters: none of them asks for one", () => {
  for (const key of ["passwordResetSubject", "emailVerificationSubject", "executeActionsSubject"])
    expect(placeholders(ja.get(key)!)).toEqual([]);
});

test("our mails have their templates and texts", () => {
  for (const kind of ["html", "text"]) {
    const template = join(dir, kind, EMAIL_TEMPLATE.emailCode);
    expect(existsSync(template)).toBe(true);
    for (const key of readFileSync(template, "utf8").matchAll(/msg\("([^"]+)"/g)) expect(ja.has(key[1])).toBe(true);
  }
  expect(ja.has(EMAIL_SUBJECT.emailCode)).toBe(true);
});
