import { type Random, WeightedPicker } from "./random";

// The most frequent words of English news copy, most frequent first; the rest of the vocabulary is made up.
const COMMON = (
  "the of and to in a said on for that is with was by at from as has it be his an have are its were will " +
  "after not he but this who had which been they their more than also would new one two over about up we " +
  "other there into year last people first could government minister president police state officials " +
  "country military security week city talks election party court report public million percent news told " +
  "killed attack forces prime national foreign since under while during against between three market prices " +
  "bank economy growth trade deal talks crisis war peace vote parliament leader opposition health hospital " +
  "workers strike union company shares investors oil gas energy climate storm flood fire earthquake rescue " +
  "match team season coach goal league cup final win victory defeat players championship record world"
).split(" ");

const SYLLABLES = "ka ro mi ten dal vor sen tru pla nik mar lis ber gon fa zu ol ri man tas el dor vin ak pel sto ran kel bri sha mon tel qua ve lo".split(" ");
const ACCENTED = ["é", "è", "ü", "ö", "ä", "ñ", "ç"];

/** A news vocabulary of `size` words, most frequent first (real common words, then made-up ones). */
export function buildVocabulary(size: number, random: Random): string[] {
  const words = new Set(COMMON);
  while (words.size < size) {
    let word = "";
    const syllables = random.int(2, 4);
    for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
    // A few words carry diacritics, as names and loanwords in wire copy do.
    if (random.chance(0.04)) word = word.replace(/[eauo]/, random.pick(ACCENTED));
    words.add(word);
  }
  return [...words].slice(0, size);
}

/** Draws words with a Zipf-like distribution (rank r has weight 1 / (r + offset)^exponent). */
export class ZipfSampler {
  readonly words: readonly string[];
  private readonly picker: WeightedPicker<string>;

  constructor(words: readonly string[], options: { exponent?: number; skip?: number } = {}) {
    const exponent = options.exponent ?? 1.0;
    this.words = words.slice(options.skip ?? 0);
    this.picker = new WeightedPicker(this.words, this.words.map((_, i) => 1 / Math.pow(i + 1 + (options.skip ?? 0), exponent)));
  }

  /** One word. */
  word(random: Random): string {
    return this.picker.pick(random);
  }
}
