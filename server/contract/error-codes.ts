/** The closed set of error codes any API answer or socket ack may carry. */
export const ERROR_CODES = {
  bad_request: 400,
  invalid_query: 400,
  unauthorized: 401,
  forbidden: 403,
  cross_origin: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unparseable: 422,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; problems?: string[] };
}
