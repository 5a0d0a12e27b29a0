/** A small seeded PRNG (mulberry32), so generated corpora are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  "the of and to in a is that for on was with he it as at by said from his an be has have are its were " +
  "government minister president police people year years two after new first last told would will who " +
  "state officials country military security week city talks election party court report public million"
).split(" ");
const SYLLABLES = "ka ro mi ten dal vor sen tru pla nik mar lis ber gon fa zu ol ri man tas el dor vin ak pel sto ran kel";
const PLACES = ["Berlin", "Paris", "New York", "Moscow", "Nairobi", "Brasilia", "Jakarta", "Canberra", "Ottawa", "Seoul", "Oslo", "Cairo"];
const AGENCIES = ["AP", "Reuters", "AFP", "dpa", "NTB", "ANSA"];

/** Builds a vocabulary of `size` pseudo-words from syllables, after the common English words. */
function buildVocabulary(size: number, random: () => number): string[] {
  const syllables = SYLLABLES.split(" ");
  const words = new Set(COMMON);
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let word = "";
    for (let i = 0; i < n; i++) word += syllables[Math.floor(random() * syllables.length)];
    words.add(word);
  }
  return [...words];
}

/** The fields a generated wire story has, whatever format it is then written in. */
export interface BenchStory {
  guid: string;
  version: number;
  headline: string;
  slugline: string;
  byline: string;
  place: string;
  agency: string;
  urgency: number;
  language: string;
  versionCreated: string;
  paragraphs: string[];
}

/** Generates realistic-sized wire stories: Zipf-distributed words, 8–12 paragraphs of ~50 words. */
export function createStoryFactory(seed = 42) {
  const random = seededRandom(seed);
  const vocabulary = buildVocabulary(8000, random);
  // Zipf-like: word i is drawn with weight 1/(i+1), by inverting the harmonic CDF approximately.
  const word = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(random() * Math.log(vocabulary.length + 1)) - 1))]!;
  const sentence = (words: number) => {
    const parts = Array.from({ length: words }, word);
    const first = parts[0]!;
    parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${parts.join(" ")}.`;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return (guid: string, version = 1): BenchStory => {
    const place = pick(PLACES);
    const agency = pick(AGENCIES);
    const paragraphs = Array.from({ length: 8 + Math.floor(random() * 5) }, () => Array.from({ length: 3 }, () => sentence(12 + Math.floor(random() * 8))).join(" "));
    paragraphs[0] = `${place} (${agency}) - ${paragraphs[0]}`;
    return {
      guid,
      version,
      headline: sentence(8 + Math.floor(random() * 5)).slice(0, -1),
      slugline: `${word()}-${word()}`,
      byline: `By ${pick(["Anna", "Jonas", "Maria", "Kofi", "Li", "Sara"])} ${pick(["Berg", "Okafor", "Silva", "Chen", "Novak", "Haddad"])}`,
      place,
      agency,
      urgency: 1 + Math.floor(random() * 8),
      language: "en",
      versionCreated: new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 3e10)).toISOString().replace(/\.\d+Z$/, "Z"),
      paragraphs,
    };
  };
}
