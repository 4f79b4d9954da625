import { pbkdf2, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import argon2 from "argon2";

/**
 * Hashes passwords on the import machine into Keycloak's stored-credential format, so the import
 * hands Keycloak finished credentials instead of making the server hash one member per request.
 * The realm's password policy decides the algorithm; the parameters are Keycloak 26's defaults
 * (read back from a credential Keycloak itself stored: argon2id v1.3, m=7168 KiB, t=5, p=1, 32 bytes).
 */

export interface HashAlgorithm {
  id: "argon2" | "pbkdf2-sha512" | "pbkdf2-sha256";
  iterations: number;
}

export interface StoredPassword {
  type: "password";
  secretData: string;
  credentialData: string;
}

const ARGON2 = { memory: 7168, hashLength: 32, parallelism: 1, version: "1.3", type: "id" } as const;
const DEFAULT_ITERATIONS: Record<HashAlgorithm["id"], number> = {
  argon2: 5,
  "pbkdf2-sha512": 210_000,
  "pbkdf2-sha256": 600_000,
};

/** The algorithm a realm's password policy asks for ("… and hashAlgorithm(argon2) and hashIterations(5)"). */
export function hashAlgorithmFromPolicy(policy: string | undefined): HashAlgorithm {
  const algorithm = /hashAlgorithm\(([^)]+)\)/.exec(policy ?? "")?.[1] ?? "argon2";
  if (algorithm !== "argon2" && algorithm !== "pbkdf2-sha512" && algorithm !== "pbkdf2-sha256") {
    throw new Error(
      `the realm's password hash algorithm "${algorithm}" is not supported by the import (argon2, pbkdf2-sha512, pbkdf2-sha256)`,
    );
  }
  const iterations = Number(/hashIterations\((\d+)\)/.exec(policy ?? "")?.[1] ?? DEFAULT_ITERATIONS[algorithm]);
  return { id: algorithm, iterations };
}

const pbkdf2Async = promisify(pbkdf2);

/** Runs on libuv's thread pool (argon2 and pbkdf2 are both native and asynchronous), not on the event loop. */
export async function hashPassword(password: string, algorithm: HashAlgorithm): Promise<StoredPassword> {
  const salt = randomBytes(16);
  let hash: Buffer;
  let additionalParameters: Record<string, string[]> = {};
  if (algorithm.id === "argon2") {
    hash = await argon2.hash(password, {
      type: argon2.argon2id,
      version: 0x13,
      memoryCost: ARGON2.memory,
      timeCost: algorithm.iterations,
      parallelism: ARGON2.parallelism,
      hashLength: ARGON2.hashLength,
      salt,
      raw: true,
    });
    additionalParameters = {
      hashLength: [String(ARGON2.hashLength)],
      memory: [String(ARGON2.memory)],
      type: [ARGON2.type],
      version: [ARGON2.version],
      parallelism: [String(ARGON2.parallelism)],
    };
  } else {
    const digest = algorithm.id === "pbkdf2-sha512" ? "sha512" : "sha256";
    hash = await pbkdf2Async(password, salt, algorithm.iterations, digest === "sha512" ? 64 : 32, digest);
  }
  return {
    type: "password",
    secretData: JSON.stringify({
      value: hash.toString("base64"),
      salt: salt.toString("base64"),
      additionalParameters: {},
    }),
    credentialData: JSON.stringify({
      hashIterations: algorithm.iterations,
      algorithm: algorithm.id,
      additionalParameters,
    }),
  };
}
