/**
 * The part of Keycloak's Java API our JavaScript authenticators touch, typed so the compiler catches
 * a wrong method name before Keycloak does at login time. Keycloak 26.7, Nashorn (ES5.1).
 * Java strings arrive as JavaScript strings; Java lists are typed as JavaList.
 */

interface JavaList<T> {
  size(): number;
  get(index: number): T;
  isEmpty(): boolean;
}

interface JavaOptional<T> {
  orElse(other: T | null): T | null;
}

interface JavaStream<T> {
  count(): number;
  findFirst(): JavaOptional<T>;
  anyMatch(predicate: (item: T) => boolean): boolean;
}

interface MultivaluedMap {
  getFirst(name: string): string | null;
}

/** jakarta.ws.rs.core.Cookie */
interface RequestCookie {
  getValue(): string;
}

interface HttpHeaders {
  getCookies(): { get(name: string): RequestCookie | null };
}

interface HttpRequest {
  getDecodedFormParameters(): MultivaluedMap;
  getHttpHeaders(): HttpHeaders;
}

interface CredentialModel {
  getType(): string;
  /** Milliseconds since the epoch (a Java Long). */
  getCreatedDate(): number;
  getUserLabel(): string | null;
}

interface SubjectCredentialManager {
  getStoredCredentialsByTypeStream(type: string): JavaStream<CredentialModel>;
  isConfiguredFor(type: string): boolean;
}

interface UserModel {
  getId(): string;
  getUsername(): string;
  setUsername(username: string): void;
  getEmail(): string | null;
  setEmail(email: string): void;
  isEmailVerified(): boolean;
  setEmailVerified(verified: boolean): void;
  getFirstAttribute(name: string): string | null;
  setSingleAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  addRequiredAction(action: string): void;
  removeRequiredAction(action: string): void;
  getRequiredActionsStream(): JavaStream<string>;
  credentialManager(): SubjectCredentialManager;
}

interface RequiredActionProviderModel {
  isEnabled(): boolean;
}

interface RealmModel {
  getName(): string;
  getDisplayName(): string | null;
  getRequiredActionProviderByAlias(alias: string): RequiredActionProviderModel | null;
  getAttribute(name: string): string | null;
  isBruteForceProtected(): boolean;
  isPermanentLockout(): boolean;
  getMaxTemporaryLockouts(): number;
  getFailureFactor(): number;
  /** Failure reset time: failures older than this are forgotten at the next one. */
  getMaxDeltaTimeSeconds(): number;
}

interface UserProvider {
  getUserByUsername(realm: RealmModel, username: string): UserModel | null;
}

interface ClientConnection {
  getRemoteAddr(): string;
}

/** jakarta.ws.rs.core.UriInfo, passed through to Keycloak. */
interface UriInfo {
  readonly __uriInfo?: never;
}

interface JavaSet<T> {
  add(item: T): boolean;
}

interface BruteForceProtector {
  failedLogin(
    realm: RealmModel,
    user: UserModel,
    connection: ClientConnection,
    uriInfo: UriInfo,
    credentialTypes: JavaSet<string>,
  ): void;
  isTemporarilyDisabled(session: KeycloakSession, realm: RealmModel, user: UserModel): boolean;
  isPermanentlyLockedOut(session: KeycloakSession, realm: RealmModel, user: UserModel): boolean;
}

interface JavaClass<T> {
  readonly class: JavaClass<T>;
  /** Marker so different Java classes don't unify structurally. */
  readonly __javaType?: T;
}

/** Keycloak's brute-force record of one user. */
interface UserLoginFailureModel {
  getNumFailures(): number;
  /** Milliseconds since the epoch (a Java Long); 0 when none. */
  getLastFailure(): number;
}

interface UserLoginFailureProvider {
  getUserLoginFailure(realm: RealmModel, userId: string): UserLoginFailureModel | null;
}

interface KeycloakSession {
  users(): UserProvider;
  loginFailures(): UserLoginFailureProvider;
  getProvider<T>(type: JavaClass<T>): T;
}

interface AuthenticationSessionModel {
  getAuthNote(name: string): string | null;
  setAuthNote(name: string, value: string): void;
  removeAuthNote(name: string): void;
}

/** A Response to send back to the browser (opaque to scripts). */
/** Keycloak's email theme renderer (org.keycloak.email.EmailTemplateProvider). */
interface EmailTemplateProvider {
  setRealm(realm: RealmModel): EmailTemplateProvider;
  setUser(user: UserModel): EmailTemplateProvider;
  setAuthenticationSession(session: AuthenticationSessionModel): EmailTemplateProvider;
  /** Renders html/<template> and text/<template> of the realm's email theme; throws EmailException. */
  send(subjectKey: string, subjectAttributes: JavaList<unknown>, template: string, attributes: JavaMap): void;
}

interface JavaMap {
  put(key: string, value: unknown): unknown;
}

interface JavaArrayList<T> extends JavaList<T> {
  add(item: T): boolean;
}

interface JaxRsResponse {
  readonly __response?: never;
}

interface FormMessage {
  readonly __formMessage?: never;
}

interface LoginFormsProvider {
  setAttribute(name: string, value: unknown): LoginFormsProvider;
  // Java varargs: Nashorn cannot match a call without the array, so the parameters are required.
  setError(message: string, parameters: unknown[]): LoginFormsProvider;
  addError(message: FormMessage): LoginFormsProvider;
  setInfo(message: string, parameters: unknown[]): LoginFormsProvider;
  createForm(template: string): JaxRsResponse;
  createInfoPage(): JaxRsResponse;
}

interface AuthenticationFlowError {
  readonly __flowError?: never;
}

interface AuthenticationExecutionModel {
  /** The authenticator's provider id, "script-<fileName>" for ours. */
  getAuthenticator(): string;
}

interface AuthenticationFlowContext {
  getExecution(): AuthenticationExecutionModel;
  getUser(): UserModel | null;
  getRealm(): RealmModel;
  getSession(): KeycloakSession;
  getHttpRequest(): HttpRequest;
  getConnection(): ClientConnection;
  getUriInfo(): UriInfo;
  getAuthenticationSession(): AuthenticationSessionModel;
  form(): LoginFormsProvider;
  challenge(response: JaxRsResponse): void;
  /** Ends this login and starts a new one at the login page, showing `message` there. */
  forkWithErrorMessage(message: FormMessage): void;
  failureChallenge(error: AuthenticationFlowError, response: JaxRsResponse): void;
  failure(error: AuthenticationFlowError): void;
  success(): void;
  attempted(): void;
}

interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/** Nashorn's bridge to Java classes. */
declare const Java: {
  type(name: "org.keycloak.authentication.AuthenticationFlowError"): {
    INVALID_CREDENTIALS: AuthenticationFlowError;
    INVALID_USER: AuthenticationFlowError;
    USER_TEMPORARILY_DISABLED: AuthenticationFlowError;
    ACCESS_DENIED: AuthenticationFlowError;
  };
  type(name: "org.keycloak.models.utils.FormMessage"): new (field: string | null, message: string) => FormMessage;
  type(name: "org.keycloak.services.managers.BruteForceProtector"): JavaClass<BruteForceProtector>;
  type(name: "java.lang.System"): { currentTimeMillis(): number };
  type(name: "java.util.HashSet"): new <T>() => JavaSet<T>;
  type(name: "java.util.HashMap"): new () => JavaMap;
  type(name: "java.util.ArrayList"): new <T>() => JavaArrayList<T>;
  type(name: "java.security.SecureRandom"): new () => { nextInt(bound: number): number };
  type(name: "org.keycloak.email.EmailTemplateProvider"): JavaClass<EmailTemplateProvider>;
  type(name: "org.keycloak.models.utils.UserModelDelegate"): JavaClass<UserModel>;
  /** A Java subclass with the given methods overridden; constructed with the superclass's arguments. */
  extend(type: JavaClass<UserModel>, overrides: { getEmail(): string }): new (user: UserModel) => UserModel;
};

/** Bound by Keycloak for every script authenticator. */
declare const LOG: Logger;
