import type { ServerInfoRepresentation } from "@keycloak/keycloak-admin-client/lib/defs/serverInfoRepesentation.js";
import { authenticatorId, SCRIPTS } from "../authenticators/scripts.js";
import { checkServer, unfitMessage, type ServerFacts } from "./preflight.js";

const ALL_RIGHTS = ["manage-realm", "manage-clients", "manage-users", "view-realm"];

function info(
  over: { version?: string; scripts?: boolean; authenticators?: string[]; themes?: string[] } = {},
): ServerInfoRepresentation {
  const ids = over.authenticators ?? SCRIPTS.map(authenticatorId);
  return {
    systemInfo: { version: over.version ?? "26.7.3" },
    features: [
      { name: "SCRIPTS", label: "", type: "PREVIEW" as never, enabled: over.scripts ?? true, dependencies: [] },
    ],
    providers: {
      authenticator: {
        internal: false,
        providers: Object.fromEntries(["auth-username-password-form", ...ids].map((id) => [id, { order: 0 }])),
      },
    },
    themes: { login: (over.themes ?? ["keycloak.v2", "kenpo"]).map((name) => ({ name })) },
  };
}

function facts(over: Partial<ServerFacts> = {}): ServerFacts {
  return {
    info: info(),
    rights: { createRealm: true, realmAccess: ALL_RIGHTS },
    realm: "soc",
    realmExists: true,
    ...over,
  };
}

const problems = (f: ServerFacts) => checkServer(f).map((u) => `${u.problem}: ${u.fix}`);

test.each<[string, ServerFacts, string[]]>([
  ["a fit server", facts(), []],
  ["a new realm, admin may create realms", facts({ realmExists: false }), []],
  ["rights the account may not read: left to the apply", facts({ rights: undefined }), []],
  ["Keycloak 26.0.0", facts({ info: info({ version: "26.0.0" }) }), []],
  [
    "Keycloak 25",
    facts({ info: info({ version: "25.0.6" }) }),
    ["Keycloak 25.0.6 is not supported: run Keycloak 26.x"],
  ],
  [
    "no version told (an admin without master's view-system): not checked",
    facts({ info: { ...info(), systemInfo: undefined } }),
    [],
  ],
  [
    "a version Keycloak never had",
    facts({ info: info({ version: "nightly" }) }),
    ["Keycloak nightly is not supported: run Keycloak 26.x"],
  ],
  [
    "scripts feature off (a stock Keycloak with our JARs)",
    facts({ info: info({ scripts: false, authenticators: [] }) }),
    [
      "the scripts feature is off, so Keycloak does not load our authenticators: start Keycloak with --features=scripts (or KC_FEATURES=scripts) and build it again",
    ],
  ],
  [
    "scripts off as profileInfo says it (no features list)",
    facts({ info: { ...info(), features: undefined, profileInfo: { disabledFeatures: ["SCRIPTS"] } } }),
    [expect.stringMatching(/^the scripts feature is off/)],
  ],
  [
    "one authenticator missing (an old JAR)",
    facts({ info: info({ authenticators: ["script-kenpo-birthdate.js"] }) }),
    [
      `our authenticators are missing (${SCRIPTS.map(authenticatorId)
        .filter((id) => id !== "script-kenpo-birthdate.js")
        .join(
          ", ",
        )}): copy kenpo-authenticators.jar and kenpo-theme.jar (build/providers/) into Keycloak's providers/ and build it again (kc.sh build)`,
    ],
  ],
  [
    "no JARs at all: the fix is named once",
    facts({ info: info({ authenticators: [], themes: ["keycloak.v2"] }) }),
    [
      `our authenticators are missing (${SCRIPTS.map(authenticatorId).join(", ")}): copy kenpo-authenticators.jar and kenpo-theme.jar (build/providers/) into Keycloak's providers/ and build it again (kc.sh build)`,
    ],
  ],
  [
    "a stock Keycloak: scripts off and no theme",
    facts({ info: info({ scripts: false, authenticators: [], themes: ["keycloak.v2"] }) }),
    [
      expect.stringMatching(/^the scripts feature is off/),
      `the login theme "kenpo" is missing: copy kenpo-authenticators.jar and kenpo-theme.jar (build/providers/) into Keycloak's providers/ and build it again (kc.sh build)`,
    ],
  ],
  [
    "a new realm, admin may not create realms",
    facts({ realmExists: false, rights: { createRealm: false, realmAccess: [] } }),
    [
      "the admin account may not create realms (realm soc does not exist yet): use an admin of the master realm with its create-realm (or admin) role",
    ],
  ],
  [
    "an existing realm, admin may only view it",
    facts({ rights: { createRealm: false, realmAccess: ["view-realm", "manage-users"] } }),
    [
      "the admin account lacks manage-realm, manage-clients on realm soc: give the admin realm soc's realm-admin role (master's admin role, or client soc-realm's realm-admin in master)",
    ],
  ],
  [
    "an existing realm the admin has no rights on",
    facts({ rights: { createRealm: true, realmAccess: [] } }),
    [expect.stringMatching(/^the admin account lacks manage-realm, manage-clients, manage-users on realm soc/)],
  ],
])("%s", (_what, given, expected) => {
  expect(problems(given)).toEqual(expected);
});

test("the refusal names the server, says nothing was written, and lists one line per fix", () => {
  expect(unfitMessage("https://kc.example.jp", checkServer(facts({ info: info({ version: "24.0.1" }) })))).toBe(
    "Keycloak at https://kc.example.jp cannot take this realm; nothing was planned or written:\n" +
      "  - Keycloak 24.0.1 is not supported: run Keycloak 26.x",
  );
});
