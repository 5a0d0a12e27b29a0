import { decodeBytes } from "../text/encoding";

/** Start of heading: opens a teletype message. */
export const SOH = 0x01;
/** Start of text: ends the header, opens the text. */
export const STX = 0x02;
/** End of text: the trailer (time stamp) follows. */
export const ETX = 0x03;
/** End of transmission. */
export const EOT = 0x04;
/** Bell: dpa rings it 5× for Eil, 10× for Blitz. */
export const BEL = 0x07;

/** The three parts of a teletype message, still as bytes: header (SOH…STX), text (STX…ETX), trailer (ETX…EOT). */
export interface TeletypeParts {
  header: Uint8Array;
  text: Uint8Array;
  trailer: Uint8Array;
}

/**
 * Splits a teletype message on its control bytes before any text is decoded. Tolerant: without SOH
 * the header starts at byte 0; without ETX (a truncated file) the text runs to EOT or the end.
 * Returns null when there is no STX, i.e. no text part at all.
 */
export function splitTeletype(bytes: Uint8Array): TeletypeParts | null {
  const soh = bytes.indexOf(SOH);
  const stx = bytes.indexOf(STX, Math.max(soh, 0));
  if (stx < 0) return null;
  const etxAt = bytes.indexOf(ETX, stx + 1);
  const eotAt = bytes.indexOf(EOT, stx + 1);
  const textEnd = etxAt >= 0 ? etxAt : eotAt >= 0 ? eotAt : bytes.length;
  const trailerEnd = eotAt > textEnd ? eotAt : bytes.length;
  return {
    header: bytes.subarray(soh >= 0 && soh < stx ? soh + 1 : 0, stx),
    text: bytes.subarray(stx + 1, textEnd),
    trailer: etxAt >= 0 ? bytes.subarray(etxAt + 1, trailerEnd) : new Uint8Array(0),
  };
}

/** Counts one control byte (e.g. BEL, which dpa repeats 5× for Eil and 10× for Blitz). */
export function countByte(bytes: Uint8Array, byte: number): number {
  let count = 0;
  for (const value of bytes) if (value === byte) count++;
  return count;
}

/**
 * Decodes one teletype part (UTF-8 when valid, else Latin-1/windows-1252) into lines: CRLF/CR
 * become LF, every other control character (BEL, DEL, DC1–DC4, TLI, SYN…) is removed, TAB kept.
 */
export function teletypeLines(part: Uint8Array): string[] {
  const text = decodeBytes(part)
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  return text.split("\n").map((line) => line.replace(/\s+$/, ""));
}

/** Splits lines into blocks separated by blank lines (blank blocks dropped). */
export function blocksOf(lines: readonly string[]): string[][] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === "") blocks.push([]);
    else blocks[blocks.length - 1]?.push(line);
  }
  return blocks.filter((block) => block.length > 0);
}

/** A guid-safe key for formats without identifiers: lower case, anything but letters/digits → `-`. */
export function keyOf(value: string): string {
  return value.toLowerCase().normalize("NFC").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 80);
}
