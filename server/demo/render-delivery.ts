import type { WireFormat } from "../domain/normalized-story";
import type { DemoItem } from "./demo-item";
import { renderIptc7901 } from "./formats/iptc7901";
import { renderNewsmlG2 } from "./formats/newsml-g2";
import { renderNinjs } from "./formats/ninjs";
import { renderNitf } from "./formats/nitf";
import { renderPlain } from "./formats/plain";

/** The formats the demo wire writes, in rotation. */
export const DEMO_FORMATS = ["ninjs", "nitf", "newsml-g2", "iptc7901", "plain"] as const satisfies readonly WireFormat[];
/** One of the demo wire's formats. */
export type DemoFormat = (typeof DEMO_FORMATS)[number];

/** Formats that carry the agency guid and version, so a later version (or a kill) finds the story. */
export const VERSIONED_DEMO_FORMATS = ["ninjs", "nitf", "newsml-g2"] as const satisfies readonly DemoFormat[];

/** Renders one demo item as the bytes an agency would send in that format. */
export function renderDemoDelivery(item: DemoItem, format: DemoFormat, sequence = 0): { bytes: Uint8Array; format: DemoFormat } {
  const encode = (text: string) => new TextEncoder().encode(text);
  switch (format) {
    case "ninjs":
      return { bytes: encode(renderNinjs(item)), format };
    case "nitf":
      return { bytes: encode(renderNitf(item)), format };
    case "newsml-g2":
      return { bytes: encode(renderNewsmlG2(item)), format };
    case "iptc7901":
      return { bytes: renderIptc7901(item, sequence), format };
    case "plain":
      return { bytes: encode(renderPlain(item)), format };
  }
}
