import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import stockEn from "keycloakify/login/i18n/messages_defaultSet/en";
import stockJa from "keycloakify/login/i18n/messages_defaultSet/ja";
import { asPropertiesKey, KEYCLOAK_MESSAGES } from "./keycloakMessages";

type Locale = "ja" | "en";

/**
 * The texts as `keycloakify build` sees them: it reads the argument of withCustomTranslations from the
 * source, not the running module, and writes each locale's entries into messages_<lang>.properties.
 */
function customTranslations(): Record<Locale, Map<string, string>> {
  const fileName = join(__dirname, "i18n.ts");
  const source = ts.createSourceFile(fileName, readFileSync(fileName, "utf8"), ts.ScriptTarget.ES2020, true);
  let argument: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "withCustomTranslations" &&
      ts.isObjectLiteralExpression(node.arguments[0])
    )
      argument = node.arguments[0];
    else ts.forEachChild(node, visit);
  };
  visit(source);
  if (argument === undefined) throw new Error("withCustomTranslations({...}) not found in i18n.ts");

  const entries = (object: ts.ObjectLiteralExpression): Map<string, ts.Expression> =>
    new Map(
      object.properties.map((property) => {
        if (
          !ts.isPropertyAssignment(property) ||
          !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
        )
          throw new Error(`not a plain entry: ${property.getText()}`);
        return [property.name.text, property.initializer];
      }),
    );
  const locales = entries(argument);
  const texts = (locale: Locale): Map<string, string> => {
    const object = locales.get(locale);
    if (object === undefined || !ts.isObjectLiteralExpression(object)) throw new Error(`no ${locale} block`);
    return new Map(
      [...entries(object)].map(([key, value]) => {
        // The build evaluates the literal statically; anything but a plain string would not survive it.
        if (!ts.isStringLiteral(value) && !ts.isNoSubstitutionTemplateLiteral(value))
          throw new Error(`${locale}.${key} is not a string literal`);
        return [key, value.text];
      }),
    );
  };
  return { ja: texts("ja"), en: texts("en") };
}

/**
 * What the member would read without our text, where Keycloakify's copy of Keycloak's bundle (the
 * rest of our JAR's properties) has no entry: Keycloak 26.7's base theme, or the key itself.
 */
const STOCK_OUTSIDE_KEYCLOAKIFY: Record<string, Partial<Record<Locale, string>>> = {
  invalidPasswordMaxLengthMessage: { ja: "無効なパスワード: 最大長は{0}です。" },
  invalidPasswordNotContainsUsernameMessage: { ja: "無効なパスワード: ユーザー名を含めることはできません。" },
  invalidPasswordNotEmailMessage: { ja: "無効なパスワード: メールアドレスと同じパスワードは禁止されています。" },
  reauthenticate: { ja: "続行するためには再ログインしてください", en: "Please re-authenticate to continue" },
  authenticateStrong: { ja: "続行するには強力な認証が必要です", en: "Strong authentication required to continue" },
  accountTemporarilyDisabledMessageTotp: {
    ja: "無効なオーセンティケーターコードです。",
    en: "Invalid authenticator code.",
  },
  "Device already exists with the same name": {
    ja: "Device already exists with the same name",
    en: "Device already exists with the same name",
  },
  emailVerifySendCooldown: {
    ja: "検証メールを再送する前に{0}秒待つ必要があります。",
    en: "You must wait {0} seconds before resending the verification email.",
  },
  "error-user-attribute-required": { ja: "このフィールドを指定してください。", en: "Please specify this field." },
  "error-invalid-email": { ja: "メールアドレスが無効です。", en: "Invalid email address." },
  confirmEmailAddressVerificationHeader: { ja: "メールアドレスの検証", en: "Email address validation" },
  emailVerifiedMessageHeader: { ja: "メールアドレスを確認しました", en: "Email address verified" },
  emailVerifiedAlreadyMessageHeader: { ja: "メールアドレスを確認しました", en: "Email address verified" },
  emailVerifiedAlreadyMessage: {
    ja: "メールアドレスは確認済みです。",
    en: "Your email address has been verified already.",
  },
  accountUpdatedTitle: { ja: "Account updated", en: "Account updated" },
  cookieNotFoundMessage: {
    ja: "再起動ログインCookieが見つかりません。有効期限が切れているか、削除されているか、ブラウザーでCookieが無効になっている可能性があります。Cookieが無効になっている場合は、有効にしてください。「アプリケーションに戻る」をクリックして再度ログインしてください。",
    en: "Restart login cookie not found. It may have expired; it may have been deleted or cookies are disabled in your browser. If cookies are disabled then enable them. Click Back to Application to login again.",
  },
  successLogout: { ja: "ログアウトしました", en: "You are logged out" },
};

const keycloakifyStock: Record<Locale, Record<string, string | undefined>> = { ja: stockJa, en: stockEn };

function stockText(key: string, locale: Locale): string {
  const text = keycloakifyStock[locale][key] ?? STOCK_OUTSIDE_KEYCLOAKIFY[key]?.[locale];
  if (text === undefined) throw new Error(`no stock ${locale} text known for ${key}: add it to the test data`);
  return text;
}

/** Keycloak's words the member manual never uses: a Japanese text of ours containing one is still stock. */
const STOCK_JARGON_JA = [
  "オーセンティケーター",
  "セキュリティーキー",
  "アカウント",
  "管理者",
  "クレデンシャル",
  "ユーザー名",
  "無効な",
  "サインイン",
  "アプリケーション",
  "指定してください",
];

const translations = customTranslations();

describe("Keycloak's message keys that reach members", () => {
  it("lists each key once", () => {
    const keys = KEYCLOAK_MESSAGES.map((m) => m.key);
    expect(keys.length).toBe(new Set(keys).size);
  });

  describe.each(KEYCLOAK_MESSAGES.map((m) => [m.key, m.where] as const))("%s (%s)", (key) => {
    it.each(["ja", "en"] as const)("has our own %s text, not Keycloak's", (locale) => {
      const text = translations[locale].get(asPropertiesKey(key));
      expect(text).toEqual(expect.any(String));
      expect(text?.trim()).not.toBe("");
      expect(text).not.toBe(stockText(key, locale));
    });

    it.each(["ja", "en"] as const)("survives Keycloak's MessageFormat in %s", (locale) => {
      // Keycloak formats every message with java.text.MessageFormat, where an ASCII apostrophe starts a
      // quoted run and disappears; ’ reads the same.
      expect(translations[locale].get(asPropertiesKey(key))).not.toContain("'");
    });

    it("says it in the manual's Japanese words", () => {
      const text = translations.ja.get(asPropertiesKey(key)) ?? "";
      for (const word of STOCK_JARGON_JA) expect(text).not.toContain(word);
    });
  });

  it("keeps a key with spaces a single key in messages_<lang>.properties", () => {
    // Java's Properties ends a key at the first unescaped space, = or :.
    const key = asPropertiesKey("Device already exists with the same name");
    expect(key).toBe("Device\\ already\\ exists\\ with\\ the\\ same\\ name");
    for (const locale of ["ja", "en"] as const)
      for (const written of translations[locale].keys()) expect(written).not.toMatch(/(^|[^\\])[ =:]/);
  });
});
