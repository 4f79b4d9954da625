// Jest loads global setup outside its transform pipeline; tsx loads the TypeScript.
import { tsImport } from "tsx/esm/api";

export default async function globalSetup() {
  const { startTestCluster } = await tsImport("./cluster-env.ts", import.meta.url);
  await startTestCluster();
}
