import type { Random } from "./random";
import type { ZipfSampler } from "./vocabulary";

const FIRST_NAMES = ["Anna", "Ben", "Clara", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena", "Marco", "Nadia", "Omar", "Paula"];
const LAST_NAMES = ["Adams", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hoffmann", "Ivanova", "Jensen", "Kowalski", "Lopez", "Martin", "Nakamura"];

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A headline of 5 to 12 words, first word capitalized. */
export function headline(random: Random, words: ZipfSampler): string {
  const n = random.int(5, 12);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(words.word(random));
  parts[0] = capitalize(parts[0]!);
  return parts.join(" ");
}

/** A slugline such as `Zorakel-Election-Talks`. */
export function slugline(random: Random, words: ZipfSampler): string {
  const n = random.int(1, 3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(capitalize(words.word(random)));
  return parts.join("-").slice(0, 24);
}

/** "By Anna Becker", or null for unsigned copy. */
export function byline(random: Random): string | null {
  return random.chance(0.6) ? `By ${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : null;
}

/** A body of paragraphs: a log-normal word count (median ~150, 30 to 1,200 words). */
export function bodyParagraphs(random: Random, words: ZipfSampler): { paragraphs: string[]; wordCount: number } {
  const total = Math.min(1200, Math.max(30, Math.round(Math.exp(5 + 0.6 * random.normal()))));
  const paragraphs: string[] = [];
  let written = 0;
  while (written < total) {
    let paragraph = "";
    const sentenceCount = random.int(1, 3);
    for (let s = 0; s < sentenceCount && written < total; s++) {
      const length = Math.min(total - written, random.int(8, 24));
      let sentence = capitalize(words.word(random));
      for (let w = 1; w < length; w++) sentence += ` ${words.word(random)}`;
      paragraph += paragraph === "" ? `${sentence}.` : ` ${sentence}.`;
      written += length;
    }
    paragraphs.push(paragraph);
  }
  return { paragraphs, wordCount: written };
}
