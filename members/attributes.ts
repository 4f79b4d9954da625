/**
 * A user attribute's first value. The admin client types attributes as `Record<string, any>`; this
 * reads one as what Keycloak stores (a list of strings) and nothing else.
 */
export function firstAttribute(
  user: { attributes?: Record<string, unknown> } | undefined,
  name: string,
): string | undefined {
  const values = user?.attributes?.[name];
  return Array.isArray(values) && typeof values[0] === "string" ? values[0] : undefined;
}
