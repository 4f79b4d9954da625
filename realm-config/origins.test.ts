import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { appOrigins, NGINX_ORIGINS_VARIABLE, nginxOriginsSnippet } from "./origins.js";
import { parseSocietyConfig } from "./load.js";
import type { SocietyConfig } from "./schema.js";

const demo = parse(readFileSync(new URL("./societies/demo.yaml", import.meta.url), "utf8")) as Record<string, unknown>;
const portal = (demo.portalClients as Record<string, unknown>[])[0]!;
const withApps = (...apps: Array<Record<string, unknown>>): SocietyConfig =>
  parseSocietyConfig({ ...demo, portalClients: [portal, ...apps] });
const app = (id: string, redirect: string, extra: Record<string, unknown> = {}) => ({
  clientId: id,
  name: { ja: id, en: id },
  rootUrl: `${new URL(redirect).origin}/`,
  redirectUris: [redirect],
  ...extra,
});

test.each([
  ["the demo portal (wildcards, two hosts)", withApps(), ["http://127.0.0.1:5173", "http://localhost:5173"]],
  [
    "a second app on its own origin, with a port",
    withApps(app("benefits-app", "https://benefits.example.jp:8443/callback")),
    ["http://127.0.0.1:5173", "http://localhost:5173", "https://benefits.example.jp:8443"],
  ],
  [
    "an app whose post-logout URI is on another origin",
    withApps(
      app("records", "https://records.example.jp/cb", { postLogoutRedirectUris: ["https://www.example.jp/bye"] }),
    ),
    ["http://127.0.0.1:5173", "http://localhost:5173", "https://records.example.jp", "https://www.example.jp"],
  ],
  [
    "two apps on one origin: listed once",
    withApps(app("a-app", "https://apps.example.jp/a/cb"), app("b-app", "https://apps.example.jp/b/cb")),
    ["http://127.0.0.1:5173", "http://localhost:5173", "https://apps.example.jp"],
  ],
])("the proxy's form-action origins for %s", (_, config, origins) => {
  expect(appOrigins(config)).toEqual(origins);
  expect(nginxOriginsSnippet(config, "society.yaml")).toContain(
    `set ${NGINX_ORIGINS_VARIABLE} "${origins.join(" ")}";`,
  );
});

test("the proxy's login-page CSP takes its form-action origins from the snippet, and no hand-kept list", () => {
  const template = readFileSync(new URL("../docker/nginx/templates/kenpo.conf.template", import.meta.url), "utf8");
  const location = /location \/realms\/ \{(.*?)include \/etc\/nginx\/snippets\/proxy\.conf;/s.exec(template)?.[1] ?? "";
  expect(location).toContain("include /etc/nginx/kenpo/app-origins.conf;");
  const csp = /add_header Content-Security-Policy "([^"]+)"/.exec(location)?.[1] ?? "";
  expect(csp).toMatch(new RegExp(`form-action 'self' \\${NGINX_ORIGINS_VARIABLE} \\$\\{KENPO_EXTRA_ORIGINS\\}$`));
  expect(template).not.toContain("KENPO_PORTAL_ORIGINS");
  const compose = readFileSync(new URL("../docker/compose.yaml", import.meta.url), "utf8");
  expect(compose).toContain(
    '"proxy-origins", "--config", "/config/society.yaml", "--nginx", "/kenpo/app-origins.conf"',
  );
});
