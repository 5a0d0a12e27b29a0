import pino from "pino";

/** Paths that must never reach a log line. */
const REDACT = ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "headers.cookie", "headers.authorization", "sessionId", "*.sessionId"];

/** Creates the process logger (JSON to stderr, secrets redacted). */
export function createLogger(level: string): pino.Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" } }, pino.destination(2));
}
export type Logger = pino.Logger;
