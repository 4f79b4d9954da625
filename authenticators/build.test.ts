import { runInNewContext } from "node:vm";
import { FORM_ATTRIBUTE, FORM_FIELD, PAGE, STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import { bundle, compileToEs5 } from "./build.js";
import { authenticatorId, SCRIPTS } from "./scripts.js";

/**
 * Keycloak runs every JavaScript authenticator in one shared script engine whose globals it swaps
 * per call, so concurrent logins can call one file's functions for another's execution. Each file
 * therefore carries the same code and must choose by the execution it is given, not by its name.
 */
describe("the authenticator bundle", () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await bundle(compileToEs5());
  }, 60_000);

  /** Evaluates one JAR file as a plain script and runs authenticate() for `execution`; returns the page shown. */
  function pageShown(file: string, execution: string): string {
    const shown: string[] = [];
    const form = { setAttribute: () => form, addError: () => form, createForm: (page: string) => shown.push(page) };
    const user = { getFirstAttribute: () => STAGE.initial, getUsername: () => "member", getId: () => "1" };
    const context = {
      getExecution: () => ({ getAuthenticator: () => execution }),
      getUser: () => user,
      // No expiry configured: ③ shows its page.
      getRealm: () => ({ getAttribute: () => null }),
      form: () => form,
      challenge: () => undefined,
      success: () => shown.push("(success)"),
      attempted: () => shown.push("(attempted)"),
    };
    const Java = { type: () => function JavaClass() {} };
    const globals: Record<string, unknown> = { Java, LOG: { info() {}, warn() {}, debug() {} } };
    runInNewContext(files.get(file)!, globals);
    (globals.authenticate as (c: unknown) => void)(context);
    return shown.join(",");
  }

  test("every file in the JAR holds the same code", () => {
    expect(new Set(files.values()).size).toBe(1);
    expect([...files.keys()]).toEqual(SCRIPTS.map((s) => `${s.name}.js`));
  });

  test("whichever file's globals run, the execution decides which step answers", () => {
    for (const file of files.keys()) {
      expect(pageShown(file, authenticatorId(SCRIPTS.find((s) => s.name === "kenpo-birthdate")!))).toBe(PAGE.birthdate);
      expect(pageShown(file, authenticatorId(SCRIPTS.find((s) => s.name === "kenpo-terms")!))).toBe(PAGE.terms);
    }
  });

  test("an unknown execution fails loudly instead of running some other step", () => {
    expect(() => pageShown("kenpo-terms.js", "script-someone-else.js")).toThrow(
      "kenpo: no authenticator script-someone-else.js",
    );
  });

  describe("③ after a wrong birthdate", () => {
    const NOW = Date.UTC(2026, 0, 1);
    const birthdate = authenticatorId(SCRIPTS.find((s) => s.name === "kenpo-birthdate")!);

    /**
     * Posts a wrong birthdate to ③ in a realm locking after 5 failures (reset after 12 h), with
     * Keycloak's brute-force record as given; returns the form's attributes and the failures recorded.
     */
    function wrongAnswer(
      record: { failures: number; lastFailure: number } | null,
      options: { protectedRealm?: boolean; locked?: boolean } = {},
    ) {
      const attributes: Record<string, unknown> = {};
      const shown: string[] = [];
      let recorded = 0;
      const form = {
        setAttribute: (name: string, value: unknown) => ((attributes[name] = value), form),
        addError: () => form,
        createForm: (page: string) => shown.push(page),
      };
      const user = {
        getFirstAttribute: (name: string) => (name === USER_ATTRIBUTE.birthdate ? "1980-12-01" : null),
        getId: () => "1",
      };
      const realm = {
        isBruteForceProtected: () => options.protectedRealm ?? true,
        isPermanentLockout: () => false,
        getMaxTemporaryLockouts: () => 0,
        getFailureFactor: () => 5,
        getMaxDeltaTimeSeconds: () => 12 * 60 * 60,
      };
      const protector = {
        isTemporarilyDisabled: () => options.locked ?? false,
        isPermanentlyLockedOut: () => false,
        failedLogin: () => void (recorded += 1),
      };
      const failures = {
        getUserLoginFailure: () =>
          record && { getNumFailures: () => record.failures, getLastFailure: () => record.lastFailure },
      };
      const context = {
        getExecution: () => ({ getAuthenticator: () => birthdate }),
        getUser: () => user,
        getRealm: () => realm,
        getSession: () => ({ loginFailures: () => failures, getProvider: () => protector }),
        getHttpRequest: () => ({
          getDecodedFormParameters: () => ({
            getFirst: (name: string) => (name === FORM_FIELD.birthdate ? "19990101" : null),
          }),
        }),
        getConnection: () => null,
        getUriInfo: () => null,
        form: () => form,
        failureChallenge: () => undefined,
      };
      const Java = {
        type: (name: string) =>
          name === "java.lang.System"
            ? { currentTimeMillis: () => NOW }
            : name === "java.util.HashSet"
              ? class {
                  add() {}
                }
              : function JavaClass() {},
      };
      const globals: Record<string, unknown> = { Java, LOG: { info() {}, warn() {}, debug() {} } };
      runInNewContext(files.get("kenpo-birthdate.js")!, globals);
      (globals.action as (c: unknown) => void)(context);
      expect(shown).toEqual([PAGE.birthdate]);
      return { attemptsLeft: attributes[FORM_ATTRIBUTE.attemptsLeft], recorded };
    }

    test("the form says how many wrong answers are left before the lockout, this one counted", () => {
      expect(wrongAnswer(null)).toEqual({ attemptsLeft: 4, recorded: 1 });
      expect(wrongAnswer({ failures: 2, lastFailure: NOW - 60_000 })).toEqual({ attemptsLeft: 2, recorded: 1 });
      // Failures older than the realm's reset time are forgotten by Keycloak before it counts this one.
      expect(wrongAnswer({ failures: 3, lastFailure: NOW - 13 * 60 * 60 * 1000 })).toEqual({
        attemptsLeft: 4,
        recorded: 1,
      });
    });

    test("no count when this answer locks, when already locked, or when the realm has no lockout", () => {
      expect(wrongAnswer({ failures: 4, lastFailure: NOW - 60_000 })).toEqual({ attemptsLeft: undefined, recorded: 1 });
      expect(wrongAnswer({ failures: 5, lastFailure: NOW - 60_000 }, { locked: true })).toEqual({
        attemptsLeft: undefined,
        recorded: 0,
      });
      expect(wrongAnswer(null, { protectedRealm: false })).toEqual({ attemptsLeft: undefined, recorded: 0 });
    });
  });
});
