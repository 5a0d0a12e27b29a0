import { z } from "zod";

/** Every wire format the ingest pipeline understands. */
export const WIRE_FORMATS = ["newsml-g2", "nitf", "ninjs", "newsml-1.2", "digitalwires", "anpa", "iptc7901", "rss", "atom", "plain"] as const;
export const WireFormatSchema = z.enum(WIRE_FORMATS);
export type WireFormat = z.infer<typeof WireFormatSchema>;
