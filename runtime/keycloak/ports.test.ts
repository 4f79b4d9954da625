import { lostPortRace, portBindFailure } from "./ports.js";

const LOG = (...lines: string[]) =>
  [
    "2026-12-01 09:20:26,682 INFO  [org.keycloak.services.resources.KeycloakApplication] (main) Bootstrap completed in 13.874000 seconds",
    ...lines.map(
      (l) => `2026-12-01 09:20:27,054 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ${l}`,
    ),
  ].join("\n");

// Keycloak 26.7.3's own words, measured by starting it on a port another process held.
const HTTP_TAKEN = LOG(
  "ERROR: Failed to start server in (development) mode",
  "ERROR: Unable to start HTTP server",
  "ERROR: io.quarkus.runtime.QuarkusBindException: Port already bound: 34209: Address already in use",
  "ERROR: Port already bound: 34209: Address already in use",
);
const MANAGEMENT_TAKEN = LOG(
  "ERROR: Failed to start server in (development) mode",
  "ERROR: Unable to start HTTP server",
  "ERROR: java.lang.IllegalStateException: Unable to start the management interface on 127.0.0.1:44207",
  "ERROR: Unable to start the management interface on 127.0.0.1:44207",
  "ERROR: Address already in use",
);

describe("portBindFailure: the ports Keycloak's log says it could not bind", () => {
  test.each<[string, string, number[] | undefined]>([
    ["HTTP port taken (Keycloak 26.7.3)", HTTP_TAKEN, [34209]],
    ["management port taken (Keycloak 26.7.3)", MANAGEMENT_TAKEN, [44207]],
    [
      "management interface on IPv6 loopback",
      LOG("ERROR: Unable to start the management interface on [::1]:9000", "ERROR: Address already in use"),
      [9000],
    ],
    [
      "older Quarkus, several ports",
      LOG("ERROR: Port(s) already bound: 8080, 9000: Address already in use"),
      [8080, 9000],
    ],
    ["the JDK's words, no port named", LOG("ERROR: java.net.BindException: Address already in use"), []],
    [
      "a started server",
      LOG("Keycloak 26.7.3 on JVM (powered by Quarkus) started in 12.3s. Listening on: http://127.0.0.1:8080"),
      undefined,
    ],
    [
      "a failed start for another reason",
      LOG("ERROR: Failed to start server in (development) mode", "ERROR: Unable to find the JDBC driver"),
      undefined,
    ],
    [
      "a management interface that failed for another reason",
      LOG(
        "ERROR: Unable to start the management interface on 127.0.0.1:9000",
        "ERROR: Cannot assign requested address",
      ),
      undefined,
    ],
    ["an empty log", "", undefined],
  ])("%s", (_name, log, ports) => {
    expect(portBindFailure(log)?.ports).toEqual(ports);
  });
});

describe("lostPortRace: retry with new ports only when a port we picked was taken", () => {
  test.each<[string, boolean, string, number[]]>([
    ["our HTTP port taken", true, HTTP_TAKEN, [34209, 44207]],
    ["our management port taken", true, MANAGEMENT_TAKEN, [34209, 44207]],
    ["the caller's HTTP port taken, we picked only the management port", false, HTTP_TAKEN, [44207]],
    ["a bind failure naming no port, we picked some", true, LOG("ERROR: Address already in use"), [34209]],
    ["a bind failure, the caller chose every port", false, HTTP_TAKEN, []],
    ["another failure", false, LOG("ERROR: Unable to find the JDBC driver"), [34209, 44207]],
  ])("%s → retry: %s", (_name, retry, log, picked) => {
    expect(lostPortRace(log, picked)).toBe(retry);
  });
});
