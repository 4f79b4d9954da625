import KcAdminClient from "@keycloak/keycloak-admin-client";
import { EXIT_CODE } from "../../contracts/index.js";

/** How the CLI logs in to Keycloak's admin API: an admin user, or a confidential client's service account. */
export type AdminConnection = {
  url: string;
  /** The realm the admin account lives in; default master. */
  realm?: string;
} & ({ username: string; password: string } | { clientId: string; clientSecret: string });

export const DEFAULT_ADMIN_REALM = "master";

/**
 * The admin account for the CLI, from the environment (secrets never come as flags, where `ps`
 * and shell history would keep them): a service account when KENPO_ADMIN_CLIENT_ID is set
 * (with KENPO_ADMIN_CLIENT_SECRET), else KENPO_ADMIN_USER / KENPO_ADMIN_PASSWORD, else the dev
 * default. The admin's realm: `adminRealm` (--admin-realm), else KENPO_ADMIN_REALM, else master.
 */
export function adminFromEnv(url: string, env: NodeJS.ProcessEnv = process.env, adminRealm?: string): AdminConnection {
  const realm = adminRealm ?? env.KENPO_ADMIN_REALM ?? DEFAULT_ADMIN_REALM;
  if (env.KENPO_ADMIN_CLIENT_ID) {
    if (!env.KENPO_ADMIN_CLIENT_SECRET)
      throw new AdminLoginFailed(
        `KENPO_ADMIN_CLIENT_ID is set (${env.KENPO_ADMIN_CLIENT_ID}) but KENPO_ADMIN_CLIENT_SECRET is not: set the client's secret`,
      );
    return { url, realm, clientId: env.KENPO_ADMIN_CLIENT_ID, clientSecret: env.KENPO_ADMIN_CLIENT_SECRET };
  }
  return { url, realm, username: env.KENPO_ADMIN_USER ?? "admin", password: env.KENPO_ADMIN_PASSWORD ?? "admin" };
}

/** Keycloak's admin API cannot be used: unreachable, TLS refused, or the login refused. */
export class AdminLoginFailed extends Error {
  readonly exitCode = EXIT_CODE.unfitServer;
}

/** Node's codes for a certificate chain it cannot trust: a private or self-signed CA. */
const UNTRUSTED_CA_CODES = [
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
];

function rootCause(error: unknown): { code?: string; message?: string } {
  let e = error as { code?: string; message?: string; cause?: unknown } | undefined;
  while (e?.cause && typeof e.cause === "object") e = e.cause;
  return e ?? {};
}

/** What went wrong in the admin login, and what to do: pure, so each case is tested without a server. */
export function describeLoginFailure(error: unknown, conn: AdminConnection): string {
  const who = "clientId" in conn ? `service account of client ${conn.clientId}` : `${conn.username}`;
  const where = `Keycloak's admin API at ${conn.url} (realm ${conn.realm ?? DEFAULT_ADMIN_REALM})`;
  const response = (error as { response?: { status?: number } }).response;
  if (response?.status !== undefined) {
    const data = (error as { responseData?: { error_description?: string; error?: string } }).responseData;
    const said = data?.error_description ?? data?.error ?? (error as Error).message;
    return `${where} refused the login as ${who} (HTTP ${response.status}: ${said}); check the account, its secret and --admin-realm`;
  }
  const cause = rootCause(error);
  if (cause.code && UNTRUSTED_CA_CODES.includes(cause.code))
    return `cannot reach ${where}: its TLS certificate is not trusted (${cause.code}: ${cause.message}); for a private CA, set NODE_EXTRA_CA_CERTS to the CA's PEM file`;
  if (cause.code?.startsWith("CERT_") || cause.code === "ERR_TLS_CERT_ALTNAME_INVALID")
    return `cannot reach ${where}: its TLS certificate is refused (${cause.code}: ${cause.message})`;
  return `cannot reach ${where}: ${cause.code ? `${cause.code} ` : ""}${cause.message ?? String(error)}`;
}

/**
 * An authenticated admin client. Admin tokens live 60 s by default, so a long import keeps
 * re-authenticating in the background instead of failing half-way.
 */
export type AdminClient = KcAdminClient & {
  close(): void;
  /** Who is logged in: the admin's realm and user or service-account client. */
  account: { realm: string; username?: string; clientId?: string };
};

export async function connectAdmin(conn: AdminConnection, realm?: string): Promise<AdminClient> {
  const admin = new KcAdminClient({ baseUrl: conn.url, realmName: conn.realm ?? DEFAULT_ADMIN_REALM });
  const login = () =>
    "clientId" in conn
      ? admin.auth({ grantType: "client_credentials", clientId: conn.clientId, clientSecret: conn.clientSecret })
      : admin.auth({ grantType: "password", clientId: "admin-cli", username: conn.username, password: conn.password });
  try {
    await login();
  } catch (error) {
    throw new AdminLoginFailed(describeLoginFailure(error, conn), { cause: error });
  }
  if (realm) admin.setConfig({ realmName: realm });
  const timer = setInterval(() => {
    login().catch(() => undefined);
  }, 40_000);
  timer.unref();
  const account =
    "clientId" in conn
      ? { realm: conn.realm ?? DEFAULT_ADMIN_REALM, clientId: conn.clientId }
      : { realm: conn.realm ?? DEFAULT_ADMIN_REALM, username: conn.username };
  return Object.assign(admin, { close: () => clearInterval(timer), account });
}
