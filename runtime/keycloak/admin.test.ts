import { adminFromEnv, describeLoginFailure, type AdminConnection } from "./admin.js";

const URL = "https://kc.example.jp";

test.each<[string, NodeJS.ProcessEnv, string | undefined, AdminConnection]>([
  [
    "nothing set: the dev admin in master",
    {},
    undefined,
    { url: URL, realm: "master", username: "admin", password: "admin" },
  ],
  [
    "an admin user",
    { KENPO_ADMIN_USER: "ops", KENPO_ADMIN_PASSWORD: "s3cret" },
    undefined,
    { url: URL, realm: "master", username: "ops", password: "s3cret" },
  ],
  [
    "a service account wins over a user",
    { KENPO_ADMIN_CLIENT_ID: "kenpo-cli", KENPO_ADMIN_CLIENT_SECRET: "xyz", KENPO_ADMIN_USER: "ops" },
    undefined,
    { url: URL, realm: "master", clientId: "kenpo-cli", clientSecret: "xyz" },
  ],
  [
    "KENPO_ADMIN_REALM",
    { KENPO_ADMIN_REALM: "ops-realm" },
    undefined,
    { url: URL, realm: "ops-realm", username: "admin", password: "admin" },
  ],
  [
    "--admin-realm wins over KENPO_ADMIN_REALM",
    { KENPO_ADMIN_REALM: "ops-realm" },
    "flag-realm",
    { url: URL, realm: "flag-realm", username: "admin", password: "admin" },
  ],
])("adminFromEnv: %s", (_what, env, flag, expected) => {
  expect(adminFromEnv(URL, env, flag)).toEqual(expected);
});

test("a client ID without its secret is refused, naming the missing variable", () => {
  expect(() => adminFromEnv(URL, { KENPO_ADMIN_CLIENT_ID: "kenpo-cli" })).toThrow(
    "KENPO_ADMIN_CLIENT_ID is set (kenpo-cli) but KENPO_ADMIN_CLIENT_SECRET is not: set the client's secret",
  );
});

const user: AdminConnection = { url: URL, username: "ops", password: "x" };
const client: AdminConnection = { url: URL, realm: "ops", clientId: "kenpo-cli", clientSecret: "x" };
const fetchFailed = (code: string, message: string) =>
  new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });

test.each<[string, unknown, AdminConnection, string]>([
  [
    "login refused",
    Object.assign(new Error("invalid_grant"), {
      response: { status: 401 },
      responseData: { error: "invalid_grant", error_description: "Invalid user credentials" },
    }),
    user,
    "Keycloak's admin API at https://kc.example.jp (realm master) refused the login as ops (HTTP 401: Invalid user credentials); check the account, its secret and --admin-realm",
  ],
  [
    "a service account refused",
    Object.assign(new Error("unauthorized_client"), { response: { status: 401 }, responseData: {} }),
    client,
    "Keycloak's admin API at https://kc.example.jp (realm ops) refused the login as service account of client kenpo-cli (HTTP 401: unauthorized_client); check the account, its secret and --admin-realm",
  ],
  [
    "a self-signed certificate",
    fetchFailed("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"),
    user,
    "cannot reach Keycloak's admin API at https://kc.example.jp (realm master): its TLS certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate); for a private CA, set NODE_EXTRA_CA_CERTS to the CA's PEM file",
  ],
  [
    "a private CA",
    fetchFailed("UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"),
    user,
    expect.stringMatching(/not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: .*set NODE_EXTRA_CA_CERTS/),
  ],
  [
    "a certificate for another name",
    fetchFailed("ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames"),
    user,
    "cannot reach Keycloak's admin API at https://kc.example.jp (realm master): its TLS certificate is refused (ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames)",
  ],
  [
    "nobody listening",
    fetchFailed("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:8443"),
    user,
    "cannot reach Keycloak's admin API at https://kc.example.jp (realm master): ECONNREFUSED connect ECONNREFUSED 127.0.0.1:8443",
  ],
])("describeLoginFailure: %s", (_what, error, conn, expected) => {
  expect(describeLoginFailure(error, conn)).toEqual(expected);
});
