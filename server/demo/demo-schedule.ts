import { laterVersions } from "./demo-item";
import { DEMO_STORIES } from "./demo-stories";
import { DEMO_FORMATS, VERSIONED_DEMO_FORMATS, type DemoFormat } from "./render-delivery";

/** What the demo wire sends next. */
export interface DemoPlan {
  storyIndex: number;
  serial: number;
  version: number;
  pubStatus: "usable" | "canceled";
  format: DemoFormat;
}

interface Pending {
  storyIndex: number;
  version: number;
  pubStatus: "usable" | "canceled";
  format: DemoFormat;
  dueTick: number;
}

/** Every third delivery may be a later version that is due; the others bring the next story. */
const VERSION_SLOT = 3;
/** Deliveries between a story's first version and its next, and between later ones. */
const FIRST_GAP = 4;
const LATER_GAP = 6;
/** Stories the agency never updates go out in every format, teletype and plain text first. */
const ONE_VERSION_FORMATS: readonly DemoFormat[] = ["iptc7901", "plain", ...DEMO_FORMATS.filter((f) => f !== "iptc7901" && f !== "plain")];

/**
 * Decides each demo delivery, as a wire reads: every story arrives once, in its catalogue order, then
 * the agency's later versions of it (updates, a correction, a kill) follow under the same guid. A story
 * with later versions goes out in a format that carries guid and version (ninjs, NITF, NewsML-G2); one
 * without them in any format. When the catalogue is through and nothing is pending, a new cycle begins
 * (new guids), so a demo left running keeps moving.
 */
export class DemoSchedule {
  private tick = 0;
  private cycle = 0;
  private nextStory = 0;
  private versionedCount = 0;
  private plainCount = 0;
  private pending: Pending[] = [];

  /** The next delivery to send. */
  next(): DemoPlan {
    const tick = this.tick++;
    const due = this.pending.find((p) => p.dueTick <= tick);
    const isCatalogueDone = this.nextStory >= DEMO_STORIES.length;
    if (due && (tick % VERSION_SLOT === VERSION_SLOT - 1 || isCatalogueDone)) return this.send(due);
    if (isCatalogueDone && this.pending.length > 0) return this.send(this.pending[0]!);
    if (isCatalogueDone) {
      this.cycle += 1;
      this.nextStory = 0;
    }
    return this.first(tick);
  }

  private send(pending: Pending): DemoPlan {
    this.pending = this.pending.filter((p) => p !== pending);
    return { storyIndex: pending.storyIndex, serial: this.cycle, version: pending.version, pubStatus: pending.pubStatus, format: pending.format };
  }

  private first(tick: number): DemoPlan {
    const storyIndex = this.nextStory++;
    const later = laterVersions(DEMO_STORIES[storyIndex]!);
    const format = later.length > 0 ? VERSIONED_DEMO_FORMATS[this.versionedCount++ % VERSIONED_DEMO_FORMATS.length]! : ONE_VERSION_FORMATS[this.plainCount++ % ONE_VERSION_FORMATS.length]!;
    for (const [i, v] of later.entries()) {
      const laterFormat = VERSIONED_DEMO_FORMATS[(storyIndex + i + 1) % VERSIONED_DEMO_FORMATS.length]!;
      this.pending.push({ storyIndex, version: v.version, pubStatus: v.kind === "kill" ? "canceled" : "usable", format: laterFormat, dueTick: tick + FIRST_GAP + i * LATER_GAP });
    }
    return { storyIndex, serial: this.cycle, version: 1, pubStatus: "usable", format };
  }
}
