import { tsImport } from "tsx/esm/api";

export default async function globalTeardown() {
  const { stopTestCluster } = await tsImport("./cluster-env.ts", import.meta.url);
  await stopTestCluster();
}
