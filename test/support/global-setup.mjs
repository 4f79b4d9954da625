// Jest loads global setup outside its transform pipeline, so this small ESM file loads the
// TypeScript runtime through tsx.
import { tsImport } from "tsx/esm/api";

export default async function globalSetup() {
  const { startTestKeycloak } = await tsImport("../../journeys/throwaway-keycloak.ts", import.meta.url);
  await startTestKeycloak();
}
