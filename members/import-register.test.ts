import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  fileEncoding,
  importRegister,
  registerMembers,
  withInitialPassword,
  type ImportRegisterContext,
} from "./import-register.js";

// The English texts are asserted, whatever the machine's locale.
process.env.LC_ALL = "C.UTF-8";

const dir = mkdtempSync(join(tmpdir(), "kenpo-import-register-"));
let n = 0;
function file(content: string): string {
  const path = join(dir, `f${(n += 1)}.csv`);
  writeFileSync(path, content);
  return path;
}

const HEADER = "ユーザID,記号,番号,枝番,生年月日,姓,名,メールアドレス";
const GOOD = "Yamada.Taro,12,3456789,00,1980-12-01,山田,太郎,taro@example.test";
const BAD = "bad.member,1,3,,1980-02-30,a,b,";

/** A context whose connect fails the test: the outcomes here must never reach Keycloak. */
function offline(): ImportRegisterContext & { connects: number } {
  const ctx = {
    connects: 0,
    connect() {
      ctx.connects += 1;
      throw new Error("connect must not be called");
    },
  };
  return ctx;
}

test("--validate-only checks the file and never connects, whatever the rows", async () => {
  const ctx = offline();
  const outcome = await importRegister(file(`${HEADER}\n${GOOD}\n${BAD}\n`), { validateOnly: true }, ctx);
  expect(outcome).toMatchObject({ kind: "validated", summary: { total: 2, valid: 1, invalid: 1 } });
  expect(ctx.connects).toBe(0);
});

test("invalid rows without skipInvalid: refused before connecting", async () => {
  const ctx = offline();
  const outcome = await importRegister(file(`${HEADER}\n${GOOD}\n${BAD}\n`), {}, ctx);
  expect(outcome).toMatchObject({ kind: "invalid", summary: { invalid: 1 } });
  expect(ctx.connects).toBe(0);
});

test("unreadable files, bad headers and unknown encodings are one outcome with the message to print", async () => {
  const ctx = offline();
  await expect(importRegister(join(dir, "missing.csv"), {}, ctx)).resolves.toEqual({
    kind: "unreadable",
    message: expect.stringMatching(/^cannot open .*missing\.csv/),
  });
  await expect(importRegister(file("foo,bar\n1,2\n"), {}, ctx)).resolves.toMatchObject({
    kind: "unreadable",
    message: expect.stringContaining('unknown column(s): "foo", "bar"'),
  });
  await expect(importRegister(file(`${HEADER}\n${GOOD}\n`), { encoding: "latin1" }, ctx)).resolves.toEqual({
    kind: "unreadable",
    message: "--encoding latin1: use utf-8 or shift_jis",
  });
  expect(ctx.connects).toBe(0);
});

test("encodings as admins spell them", () => {
  expect(["utf-8", "UTF8", "utf_8"].map(fileEncoding)).toEqual(["utf-8", "utf-8", "utf-8"]);
  expect(["Shift_JIS", "sjis", "CP932", "Windows-31J"].map(fileEncoding)).toEqual([
    "shift_jis",
    "shift_jis",
    "shift_jis",
    "shift_jis",
  ]);
  expect(fileEncoding(undefined)).toBeUndefined();
  expect(() => fileEncoding("euc-jp")).toThrow("--encoding euc-jp: use utf-8 or shift_jis");
});

test("the register's valid members carry their initial password, and can be streamed again (plan, then write)", async () => {
  const outcome = await importRegister(file(`${HEADER}\n${GOOD}\n${BAD}\n`), { validateOnly: true }, offline());
  if (outcome.kind !== "validated") throw new Error(outcome.kind);
  const read = async () => {
    const members = [];
    for await (const m of registerMembers(outcome.summary)()) members.push(m);
    return members;
  };
  const first = await read();
  expect(first).toEqual([
    expect.objectContaining({ line: 2, userId: "yamada.taro", initialPassword: "12345678919801201" }),
  ]);
  expect(await read()).toEqual(first);
  expect(
    withInitialPassword({
      line: 9,
      userId: "a",
      symbol: "012",
      number: "0034",
      birthdate: "1980-04-15",
      lastName: "鈴木",
      firstName: "花子",
    }).initialPassword,
  ).toBe("012003419800415");
});

test("a failure while writing says how to finish, and the connection is closed", async () => {
  let closed = 0;
  let started = 0;
  const admin = { realms: { findOne: () => Promise.reject(new Error("socket hang up")) } } as unknown as KcAdminClient;
  const run = importRegister(
    file(`${HEADER}\n${GOOD}\n`),
    {},
    {
      connect: () => Promise.resolve({ admin, realm: "r", close: () => (closed += 1) }),
      onStart: () => (started += 1),
    },
  );
  await expect(run).rejects.toThrow(
    "import interrupted: socket hang up. Members written so far stay; run the same command again to finish (existing members are skipped).",
  );
  expect({ closed, started }).toEqual({ closed: 1, started: 1 });
});
