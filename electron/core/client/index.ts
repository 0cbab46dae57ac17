export { SmsbatClient, USER_AGENT, CLIENT_VERSION, encodeMessageIdSegment } from './smsbat-client';
export {
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_CONNECTIONS,
  validateCredentials,
  type SmsbatClientOptions,
} from './options';
export {
  interpretResponse,
  parseStatusBody,
  validateStatusBody,
  type ResponseHeaders,
} from './interpret-response';
export {
  parseErrorBody,
  httpStatusText,
  isSmsbatNotFoundBody,
  describeForeignBody,
  type ErrorBodyInfo,
} from './error-body';
export {
  statusResponseSchema,
  toSnapshot,
  describeSchemaError,
  type StatusResponse,
} from './response-schema';
export { capRetryAfterMs, parseRetryAfter, MAX_RETRY_AFTER_MS } from './retry-after';
export { secretsOf, maskSecrets, SECRET_MASK, MIN_MASKED_SECRET_CHARS } from '../secret-mask';
