/**
 * The address members' browsers use for a Keycloak on loopback: by name, not by number. Passkeys
 * (WebAuthn) refuse an IP address as the relying party, and "localhost" is a secure context without TLS.
 */
export function memberFacingUrl(url: string): string {
  const u = new URL(url);
  if (u.hostname === "127.0.0.1" || u.hostname === "[::1]") u.hostname = "localhost";
  return u.toString().replace(/\/$/, "");
}
