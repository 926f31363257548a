/** The Genesys Cloud client: regions, sign-in, the rate-governed HTTP layer and typed API calls. */
export { GenesysApi, JOB_RESULTS_PAGE_SIZE, REFERENCE_PAGE_SIZE, type CallOptions, type ListOptions } from './api';
export {
  createGenesysClient,
  saveClientSecret,
  type GenesysAuthSettings,
  type GenesysClient,
  type GenesysClientDeps,
  type GenesysConnectionSettings,
} from './client';
export { GenesysError, type GenesysErrorCode } from './genesys-error';
export {
  GENESYS_REGIONS,
  UnknownRegionError,
  findRegion,
  resolveEnvironment,
  type GenesysEnvironment,
  type GenesysRegion,
} from './regions';
export { MemorySecretStore, accessTokenKey, clientSecretKey, type SecretStore } from './secret-store';
export { SignInError, SignInRequiredError, type SignInFailure } from './auth/errors';
export type { SignInRequest } from './auth/pkce-session';
export {
  AuthenticationError,
  BadRequestError,
  CancelledError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
} from './http/errors';
export { GenesysHttp, type GenesysRequester, type HttpMethod, type RequestOptions } from './http/genesys-http';
export { RateGovernor, type RateGovernorOptions } from './http/rate-governor';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './http/retry';
export { HttpStats, type HttpStatsSnapshot, type RequestEvent } from './http/stats';
export type { Clock } from './http/clock';
