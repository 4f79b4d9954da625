import { runInNewContext } from "node:vm";
import { PAGE, STAGE } from "../contracts/index.js";
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
    expect(() => pageShown("kenpo-terms.js", "script-someone-else.js")).toThrow("kenpo: no authenticator script-someone-else.js");
  });
});
