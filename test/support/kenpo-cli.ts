import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { testKeycloak } from "../../journeys/keycloak-env.js";
import { repoRoot } from "../../runtime/keycloak/paths.js";

/** Drives the `kenpo` CLI as an operator does: a separate process, admin account from the environment. */

const run = promisify(execFile);

export const REGISTER_HEADER = "ユーザID,記号,番号,枝番,生年月日,姓,名,メールアドレス";

/** A member register of `count` valid rows, Member<offset>…, with Japanese-era birthdates, CRLF as exported by office tools. */
export function memberRegister(count: number, offset = 0): string {
  const lines = [REGISTER_HEADER];
  for (let i = offset; i < offset + count; i += 1) {
    lines.push(
      `Member${i},${10 + (i % 50)},${String(i).padStart(7, "0")},,S${40 + (i % 20)}.${1 + (i % 12)}.${1 + (i % 28)},山田,太郎${i},m${i}@example.test`,
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export interface AdminAccount {
  adminUser: string;
  adminPassword: string;
}

/** English messages whatever the machine's locale: the tests read the CLI's English wording. */
export function cliEnv(admin: AdminAccount): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LC_ALL: "C.UTF-8",
    KENPO_ADMIN_USER: admin.adminUser,
    KENPO_ADMIN_PASSWORD: admin.adminPassword,
  };
}

/** Runs `kenpo <args>` to its end; rejects with code/stdout/stderr when it exits non-zero. */
export function runCli(args: string[], admin: AdminAccount): Promise<{ stdout: string; stderr: string }> {
  return run("npx", ["tsx", "cli/kenpo.ts", ...args], { cwd: repoRoot, env: cliEnv(admin) });
}

/** Starts `kenpo <args>` in its own process group, so that a test can kill it (or the server under it) half-way. */
export function spawnCli(
  args: string[],
  admin: AdminAccount,
): ChildProcess & { done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn("npx", ["tsx", "cli/kenpo.ts", ...args], {
    cwd: repoRoot,
    env: cliEnv(admin),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("exit", (code) => resolve({ code, stdout, stderr })),
  );
  return Object.assign(child, { done });
}

/**
 * A test realm's society file on disk and `kenpo <args> --config <it>` run as the admin runs it.
 * Made when the describe block is, written in beforeAll once the realm is provisioned.
 */
export class SocietyCli {
  readonly configFile = join(mkdtempSync(join(tmpdir(), "kenpo-society-")), "society.yaml");

  write(config: object): void {
    writeFileSync(this.configFile, stringify(config));
  }

  run(args: string[]): Promise<{ stdout: string; stderr: string }> {
    return runCli([...args, "--config", this.configFile], testKeycloak());
  }
}
