import KcAdminClient from "@keycloak/keycloak-admin-client";

export interface AdminConnection {
  url: string;
  username: string;
  password: string;
}

/** The admin account for the CLI: flags win, then KENPO_ADMIN_USER / KENPO_ADMIN_PASSWORD, then the dev default. */
export function adminFromEnv(url: string, env: NodeJS.ProcessEnv = process.env): AdminConnection {
  return { url, username: env.KENPO_ADMIN_USER ?? "admin", password: env.KENPO_ADMIN_PASSWORD ?? "admin" };
}

/**
 * An authenticated admin client for the master realm. Admin tokens live 60 s by default, so a
 * long import keeps re-authenticating in the background instead of failing half-way.
 */
export async function connectAdmin(conn: AdminConnection, realm?: string): Promise<KcAdminClient & { close(): void }> {
  const admin = new KcAdminClient({ baseUrl: conn.url, realmName: "master" });
  const login = () =>
    admin.auth({ grantType: "password", clientId: "admin-cli", username: conn.username, password: conn.password });
  try {
    await login();
  } catch (error) {
    throw new Error(
      `cannot log in to Keycloak's admin API at ${conn.url} as ${conn.username}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (realm) admin.setConfig({ realmName: realm });
  const timer = setInterval(() => {
    login().catch(() => undefined);
  }, 40_000);
  timer.unref();
  return Object.assign(admin, { close: () => clearInterval(timer) });
}
