/**
 * Field-level comparison of a desired partial representation with what Keycloak returns.
 * Only the fields we declare are compared, so Keycloak's own defaults never show up as drift.
 */

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalize);
    // Lists of names (locales, URIs, algorithms) have no meaningful order in Keycloak.
    return items.every((v) => typeof v === "string") ? [...items].sort() : items;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalize(v)]),
    );
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? "(none)";
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * "field: old → new" for every desired field that differs. Nested objects (attributes, smtpServer)
 * are compared key by key, so keys Keycloak adds on its own are not drift.
 */
export function diffFields(
  current: Record<string, unknown> | undefined,
  desired: Record<string, unknown>,
  secretKeys: string[] = [],
): string[] {
  const lines: string[] = [];
  for (const [key, want] of Object.entries(desired)) {
    if (want === undefined) continue;
    const have = current?.[key];
    if (want && typeof want === "object" && !Array.isArray(want)) {
      const nested = diffFields((have ?? {}) as Record<string, unknown>, want as Record<string, unknown>, secretKeys);
      lines.push(...nested.map((line) => `${key}.${line}`));
      continue;
    }
    if (!sameValue(have, want)) {
      lines.push(secretKeys.includes(key) ? `${key}: (secret changed)` : `${key}: ${show(have)} → ${show(want)}`);
    }
  }
  return lines;
}
