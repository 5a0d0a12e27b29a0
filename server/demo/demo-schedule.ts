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

interface Sent {
  storyIndex: number;
  serial: number;
  version: number;
  isKilled: boolean;
}

const UPDATE_EVERY = 4; // about one delivery in four is a new version of a recent story
const KILL_EVERY = 29; // rarely, an old story is killed
const RECENT = 6;

/**
 * Decides each demo delivery: mostly new stories in rotating formats, now and then a new version of
 * a recent story, rarely a kill of an old one. Updates and kills go out in formats that carry the
 * guid and version (ninjs, NITF, NewsML-G2), so they reach the story whatever format first brought it.
 */
export class DemoSchedule {
  private tick = 0;
  private newCount = 0;
  private readonly versioned: Sent[] = [];

  /** The next delivery to send. */
  next(): DemoPlan {
    const tick = this.tick++;
    const alive = this.versioned.filter((s) => !s.isKilled);
    const laterFormat = VERSIONED_DEMO_FORMATS[tick % VERSIONED_DEMO_FORMATS.length]!;
    if (tick % KILL_EVERY === KILL_EVERY - 1 && alive.length > RECENT) {
      const victim = alive[0]!;
      victim.isKilled = true;
      victim.version += 1;
      return { storyIndex: victim.storyIndex, serial: victim.serial, version: victim.version, pubStatus: "canceled", format: laterFormat };
    }
    if (tick % UPDATE_EVERY === UPDATE_EVERY - 1 && alive.length > 0) {
      const recent = alive.slice(-RECENT);
      const target = recent[(tick * 7) % recent.length]!;
      target.version += 1;
      return { storyIndex: target.storyIndex, serial: target.serial, version: target.version, pubStatus: "usable", format: laterFormat };
    }
    const n = this.newCount++;
    const plan: DemoPlan = {
      storyIndex: n % DEMO_STORIES.length,
      serial: Math.floor(n / DEMO_STORIES.length),
      version: 1,
      pubStatus: "usable",
      format: DEMO_FORMATS[n % DEMO_FORMATS.length]!,
    };
    if ((VERSIONED_DEMO_FORMATS as readonly string[]).includes(plan.format)) this.versioned.push({ storyIndex: plan.storyIndex, serial: plan.serial, version: 1, isKilled: false });
    return plan;
  }
}
