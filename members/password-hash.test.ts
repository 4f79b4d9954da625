import argon2 from "argon2";
import { hashAlgorithmFromPolicy, hashPassword } from "./password-hash.js";

test("the realm policy decides the algorithm and iterations", () => {
  expect(hashAlgorithmFromPolicy("length(8) and hashAlgorithm(argon2)")).toEqual({ id: "argon2", iterations: 5 });
  expect(hashAlgorithmFromPolicy("hashAlgorithm(pbkdf2-sha512) and hashIterations(1000)")).toEqual({
    id: "pbkdf2-sha512",
    iterations: 1000,
  });
  expect(hashAlgorithmFromPolicy(undefined)).toEqual({ id: "argon2", iterations: 5 });
  expect(() => hashAlgorithmFromPolicy("hashAlgorithm(bcrypt)")).toThrow(/"bcrypt" is not supported/);
});

test("an argon2 credential has Keycloak's stored format and verifies with its own parameters", async () => {
  const stored = await hashPassword("12345678919801201", { id: "argon2", iterations: 5 });
  const secret = JSON.parse(stored.secretData) as { value: string; salt: string };
  const data = JSON.parse(stored.credentialData) as {
    algorithm: string;
    hashIterations: number;
    additionalParameters: Record<string, string[]>;
  };
  expect(data).toEqual({
    hashIterations: 5,
    algorithm: "argon2",
    additionalParameters: { hashLength: ["32"], memory: ["7168"], type: ["id"], version: ["1.3"], parallelism: ["1"] },
  });
  const again = await argon2.hash("12345678919801201", {
    type: argon2.argon2id,
    memoryCost: 7168,
    timeCost: 5,
    parallelism: 1,
    hashLength: 32,
    salt: Buffer.from(secret.salt, "base64"),
    raw: true,
  });
  expect(again.toString("base64")).toBe(secret.value);
  const other = await hashPassword("12345678919801201", { id: "argon2", iterations: 5 });
  expect((JSON.parse(other.secretData) as { salt: string }).salt).not.toBe(secret.salt);
});

test("a pbkdf2-sha512 credential is 64 bytes with a 16-byte salt", async () => {
  const stored = await hashPassword("pw", { id: "pbkdf2-sha512", iterations: 1000 });
  const secret = JSON.parse(stored.secretData) as { value: string; salt: string };
  expect(Buffer.from(secret.value, "base64")).toHaveLength(64);
  expect(Buffer.from(secret.salt, "base64")).toHaveLength(16);
  expect(JSON.parse(stored.credentialData)).toEqual({
    hashIterations: 1000,
    algorithm: "pbkdf2-sha512",
    additionalParameters: {},
  });
});
