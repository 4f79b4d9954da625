import type ClientRepresentation from "@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js";
import { MFA_ACR, MINIMUM_ACR_ATTRIBUTE } from "../flows.js";
import { CLOSED_GRANT_ATTRIBUTES, closedClient, openings } from "./side-doors.js";

const DEVICE = "oauth2.device.authorization.grant.enabled";
const CIBA = "oidc.ciba.grant.enabled";
const EXCHANGE = "standard.token.exchange.enabled";
const GRANTS_OFF = { [DEVICE]: "false", [CIBA]: "false", [EXCHANGE]: "false" };

/** A client as Keycloak 26 lists it after the section closed it. */
const closed: ClientRepresentation = {
  id: "c1",
  clientId: "account-console",
  standardFlowEnabled: true,
  directAccessGrantsEnabled: false,
  implicitFlowEnabled: false,
  authenticationFlowBindingOverrides: {},
  attributes: { [MINIMUM_ACR_ATTRIBUTE]: MFA_ACR, "pkce.code.challenge.method": "S256", ...GRANTS_OFF },
};
const withAttributes = (attributes: Record<string, string>): ClientRepresentation => ({
  ...closed,
  attributes: { ...closed.attributes, ...attributes },
});
const { [DEVICE]: _d, [CIBA]: _c, [EXCHANGE]: _e, ...noGrantAttributes } = closed.attributes!;

describe("side doors: what a client update changes", () => {
  test("the three grants are the ones Keycloak 26 switches by attribute", () => {
    expect(Object.keys(CLOSED_GRANT_ATTRIBUTES).sort()).toEqual([DEVICE, CIBA, EXCHANGE].sort());
  });

  test.each<[string, ClientRepresentation, string[]]>([
    ["a closed client", closed, []],
    [
      "a built-in client as Keycloak creates it (no grant attributes stored)",
      { ...closed, attributes: noGrantAttributes },
      [
        `OAuth 2.0 device grant (${DEVICE}) unset → false`,
        `CIBA (${CIBA}) unset → false`,
        `standard token exchange (${EXCHANGE}) unset → false`,
      ],
    ],
    [
      "device grant switched on",
      withAttributes({ [DEVICE]: "true" }),
      [`OAuth 2.0 device grant (${DEVICE}) true → false`],
    ],
    ["CIBA switched on", withAttributes({ [CIBA]: "true" }), [`CIBA (${CIBA}) true → false`]],
    [
      "token exchange switched on",
      withAttributes({ [EXCHANGE]: "true" }),
      [`standard token exchange (${EXCHANGE}) true → false`],
    ],
    ["an empty value counts as not closed", withAttributes({ [CIBA]: "" }), [`CIBA (${CIBA}) unset → false`]],
    [
      "bearer-only realm-management (Keycloak answers 403 to edits, and grants nothing to it)",
      { id: "rm", clientId: "realm-management", bearerOnly: true, standardFlowEnabled: true, attributes: {} },
      [],
    ],
    [
      "password grant, implicit flow and an override at once",
      {
        ...closed,
        directAccessGrantsEnabled: true,
        implicitFlowEnabled: true,
        authenticationFlowBindingOverrides: { browser: "f1" },
      },
      [
        "password grant (direct access grants) on → off",
        "implicit flow on → off",
        "flow overrides browser → none (the realm's flows)",
      ],
    ],
    [
      "a service client without the browser flow still gets the grants closed, but no minimum acr",
      { id: "s1", clientId: "batch", standardFlowEnabled: false, attributes: { [DEVICE]: "true" } },
      [
        `OAuth 2.0 device grant (${DEVICE}) true → false`,
        `CIBA (${CIBA}) unset → false`,
        `standard token exchange (${EXCHANGE}) unset → false`,
      ],
    ],
  ])("%s", (_name, client, details) => {
    expect(openings(client)).toEqual(details);
  });

  test.each<[string, ClientRepresentation]>([
    ["a built-in client without grant attributes", { ...closed, attributes: noGrantAttributes }],
    ["every grant on", withAttributes({ [DEVICE]: "true", [CIBA]: "true", [EXCHANGE]: "true" })],
    [
      "a flow override and the password grant",
      { ...closed, directAccessGrantsEnabled: true, authenticationFlowBindingOverrides: { direct_grant: "f2" } },
    ],
    [
      "a service client",
      { id: "s1", clientId: "batch", standardFlowEnabled: false, attributes: { [EXCHANGE]: "true" } },
    ],
  ])("what the update sends is closed: planning against it again finds nothing (%s)", (_name, client) => {
    const sent = closedClient(client);
    // Keycloak drops the overrides sent empty.
    const stored = { ...sent, authenticationFlowBindingOverrides: {} };
    expect(openings(stored)).toEqual([]);
    // Attributes the section does not own are kept.
    for (const [key, value] of Object.entries(client.attributes ?? {})) {
      if (!(key in CLOSED_GRANT_ATTRIBUTES)) expect(sent.attributes?.[key]).toBe(value);
    }
  });

  test("a service client gets no minimum acr written", () => {
    expect(closedClient({ id: "s1", clientId: "batch", standardFlowEnabled: false }).attributes).toEqual(GRANTS_OFF);
  });
});
