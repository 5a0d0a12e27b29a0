const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
/** Characters of scripts written without spaces, counted one by one as Chinese and Japanese agencies count. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/uy;
/** Combining marks (Arabic vowel signs, Devanagari matras) and ZWNJ/ZWJ: part of the word they are in. */
const IN_WORD_MARK = /[\p{M}\u200c\u200d]/uy;
/**
 * A run of a script written without spaces between words (Thai, Lao, Khmer, Myanmar), with its marks:
 * counted by the dictionary-based word segmenter, as the agencies writing them count words.
 */
const UNSPACED_RUN = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}][\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{M}\u200b-\u200d]*/uy;
let segmenter: Intl.Segmenter | null = null;

/** Words in a run of Thai, Lao, Khmer or Myanmar text (the segmenter's word-like segments). */
function segmentedWords(run: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  let count = 0;
  for (const segment of segmenter.segment(run)) if (segment.isWordLike) count++;
  return count;
}
const BETWEEN = 0;
const IN_WORD = 1;

/**
 * One step of the counter for an ASCII character, by state (between words, in a word) and code:
 * the next state in bit 0, and bit 1 set when the character starts a word. Letters and digits make
 * words; `'`, `.` and `-` keep one going (and start none); anything else ends it.
 */
const ASCII_STEP = new Uint8Array(256);
for (const state of [BETWEEN, IN_WORD]) {
  for (let code = 0; code < 128; code++) {
    const char = String.fromCharCode(code);
    const isWord = /[A-Za-z0-9]/.test(char);
    const next = isWord ? IN_WORD : /['.-]/.test(char) ? state : BETWEEN;
    ASCII_STEP[(state << 7) | code] = next | (isWord && state === BETWEEN ? 2 : 0);
  }
}

/**
 * Counts words the way editors do: a letter or digit starts a word, which runs on over letters,
 * digits and `'’.-` (`it's`, `U.S.`, `3.5`, `so-called`): the number of matches of
 * `[\p{L}\p{N}][\p{L}\p{N}'’.-]*` (flags `gu`), without building them. ASCII takes one table
 * lookup per character (wire text is mostly ASCII); other characters ask the Unicode pattern.
 * Chinese and Japanese characters count one each (as their agencies count length); Thai, Lao, Khmer
 * and Myanmar, written without spaces, count the words Intl.Segmenter finds; combining marks and
 * ZWNJ/ZWJ stay inside the word (Arabic with vowel signs, Hindi, Persian). Linear in the text.
 */
export function countWords(text: string): number {
  let count = 0;
  let state = BETWEEN;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x80) {
      const step = ASCII_STEP[(state << 7) | code]!;
      count += step >> 1;
      state = step & 1;
      continue;
    }
    UNSPACED_RUN.lastIndex = at;
    const unspaced = UNSPACED_RUN.exec(text);
    if (unspaced) {
      count += segmentedWords(unspaced[0]);
      state = BETWEEN;
      at += unspaced[0].length - 1;
      continue;
    }
    CJK.lastIndex = at;
    IN_WORD_MARK.lastIndex = at;
    LETTER_OR_DIGIT.lastIndex = at;
    if (CJK.test(text)) {
      count++;
      state = BETWEEN;
    } else if (IN_WORD_MARK.test(text)) {
      // A mark never starts a word and never ends one.
    } else if (LETTER_OR_DIGIT.test(text)) {
      if (state === BETWEEN) count++;
      state = IN_WORD;
    } else if (code !== 0x2019) {
      state = BETWEEN;
    }
    // Step over the second half of a surrogate pair: the pattern reads code points.
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) at++;
  }
  return count;
}
