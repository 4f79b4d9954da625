import { useEffect } from "react";

/**
 * Adds an inline ES module script to <head> once per page, after the given element exists.
 * Keycloak's own WebAuthn helpers are ES modules served from the theme resources (they rely on the
 * import map the generated .ftl adds), so the theme starts them with a small module script.
 */
export function useModuleScript(params: { id: string; code: string | undefined; afterElementId?: string }) {
  const { id, code, afterElementId } = params;

  useEffect(() => {
    if (code === undefined || document.getElementById(id) !== null) {
      return;
    }
    if (afterElementId !== undefined && document.getElementById(afterElementId) === null) {
      return;
    }
    const script = document.createElement("script");
    script.id = id;
    script.type = "module";
    script.textContent = code;
    document.head.appendChild(script);
  }, [id, code, afterElementId]);
}
