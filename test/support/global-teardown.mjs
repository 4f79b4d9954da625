import { tsImport } from "tsx/esm/api";

export default async function globalTeardown() {
  const { stopTestKeycloak } = await tsImport("../../journeys/throwaway-keycloak.ts", import.meta.url);
  await stopTestKeycloak();
}
