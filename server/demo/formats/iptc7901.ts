import { BEL as BEL_BYTE, EOT as EOT_BYTE, ETX as ETX_BYTE, SOH as SOH_BYTE, STX as STX_BYTE } from "../../ingest/parsers/teletype";
import type { DemoItem } from "../demo-item";

// The same control bytes the 7901 parser splits on, so writer and reader cannot drift apart.
const [SOH, STX, ETX, EOT, BEL] = [SOH_BYTE, STX_BYTE, ETX_BYTE, EOT_BYTE, BEL_BYTE].map((byte) => String.fromCharCode(byte)) as [string, string, string, string, string];
const DEL = "\x7f";
const CRLF = "\r\n";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** The 7901 trailer time after ETX, marked as UTC (an unmarked one is the agency's local time): `DDHHMM GMT Mon YY`. */
function trailer(date: Date): string {
  return `${pad(date.getUTCDate(), 2)}${pad(date.getUTCHours(), 2)}${pad(date.getUTCMinutes(), 2)} GMT ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCFullYear() % 100, 2)}`;
}

/** Wraps a paragraph at about 70 characters, as teletype copy is. */
function wrap(paragraph: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 70) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Renders a demo item as an IPTC 7901 byte stream in the dpa profile: SOH header with priority and
 * agency, slug line, STX, headline block ending ` =` (BELs for flash and urgent), body, ETX trailer, EOT.
 */
export function renderIptc7901(item: DemoItem, sequence: number): Uint8Array {
  const { story } = item;
  const words = item.paragraphs.join(" ").split(/\s+/).length;
  const seq = pad(sequence % 10_000, 4);
  const code = story.agency.slice(0, 3).toLowerCase();
  const bells = story.urgency === 1 ? `(Flash ${BEL.repeat(10)})${CRLF}` : story.urgency === 2 ? `(Urgent ${BEL.repeat(5)})${CRLF}` : "";
  const text = [
    `${SOH}${code}${seq} ${Math.min(story.urgency, 6)} wi ${words}  ${story.agency} ${seq}${CRLF}`,
    CRLF,
    `${[story.slug, ...story.categories].join("/")}/${CRLF}`,
    `${STX}${bells}${item.headline} =${CRLF}`,
    CRLF,
    item.paragraphs.map((p) => wrap(p).join(CRLF)).join(CRLF + CRLF) + CRLF,
    CRLF,
    `${ETX}${trailer(item.at)}${CRLF}`,
    `${DEL}${CRLF}`,
    `${DEL}${EOT}${CRLF}`,
  ].join("");
  return new TextEncoder().encode(text);
}
