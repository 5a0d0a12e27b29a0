import { WireFormatSchema, type WireFormat } from "../domain/normalized-story";
import { AppError } from "../errors";

/** The optional `?format=` of an ingest request: a known wire format, or a 400 naming the choices. */
export function formatFromQuery(params: URLSearchParams): WireFormat | undefined {
  const value = params.get("format");
  if (value === null || value === "") return undefined;
  const parsed = WireFormatSchema.safeParse(value);
  if (!parsed.success) throw new AppError("bad_request", `Unknown format "${value}"; use one of ${WireFormatSchema.options.join(", ")}.`);
  return parsed.data;
}
