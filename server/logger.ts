import pino from "pino";
import { requestLogFields } from "./ops/request-id";

/** Paths that must never reach a log line (secrets at the top level, one level down, and in request headers). */
const REDACT = [
  "password", "*.password", "currentPassword", "*.currentPassword", "newPassword", "*.newPassword",
  "token", "*.token", "secret", "*.secret", "sessionId", "*.sessionId",
  "cookie", "*.cookie", "authorization", "*.authorization",
  "headers.cookie", "headers.authorization", "headers[\"set-cookie\"]",
  "*.headers.cookie", "*.headers.authorization", "*.headers[\"set-cookie\"]",
];

/** Creates the process logger (JSON to stderr unless a destination is given, secrets redacted, request ids added). */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): pino.Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" }, mixin: requestLogFields }, destination);
}
export type Logger = pino.Logger;
