// One JDK rule: ensure-deps checks it before node_modules exists, so it lives in plain Node.
export { MIN_JAVA, javaMajor, findJdk, type Jdk } from "../../scripts/setup/jdk.mjs";
