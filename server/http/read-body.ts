import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { AppError } from "../errors";

/** Reads a request body up to `limit` bytes; more is refused with 413 without buffering it. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) return Promise.reject(new AppError("payload_too_large", `The body is ${declared} bytes; the limit is ${limit}.`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new AppError("payload_too_large", `The body is over the limit of ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Parses JSON bytes and validates them; every failure is a 400 with a message that names the field. */
export function parseJsonBody<S extends z.ZodType>(bytes: Buffer, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new AppError("bad_request", `${where}${issue?.message ?? "invalid body"}`);
  }
  return result.data;
}
