// Types for jdk.mjs, re-exported by runtime/keycloak/jdk.ts.
export declare const MIN_JAVA: number;
export interface Jdk {
  home: string;
  major: number;
}
export declare function javaMajor(home: string): number | undefined;
export declare function findJdk(env?: NodeJS.ProcessEnv, jvmRoot?: string): Jdk;
