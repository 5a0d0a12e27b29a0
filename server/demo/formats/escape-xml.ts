/** Escapes text for XML element content and attribute values. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A date as NITF's `norm` attribute writes it: `YYYYMMDDTHHMMSS+0000`. */
export function nitfNorm(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}+0000`;
}
