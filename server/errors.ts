import { ERROR_CODES, type ErrorBody, type ErrorCode } from "./contract/error-codes";

/** The one error type services throw; the code maps to an HTTP status once, in toErrorBody. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** For a refusal that lifts by itself (429, a busy 503): when to ask again, sent as Retry-After. */
  readonly retryAfterSeconds: number | null;

  constructor(code: ErrorCode, message: string, options: { retryAfterSeconds?: number } = {}) {
    super(message);
    this.code = code;
    this.name = "AppError";
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }

  /** The HTTP status for this error's code. */
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

/** Maps any thrown value to a status and a `{error: {code, message}}` body; unknown errors become `internal`. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const problems = (error as { problems?: unknown }).problems;
    const extra = Array.isArray(problems) && problems.length > 0 ? { problems: problems as string[] } : {};
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...extra } } };
  }
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on the server; it has been logged." } } };
}
