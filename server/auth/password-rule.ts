import { dictionary } from "@zxcvbn-ts/language-common";

/** The most common passwords (zxcvbn-ts's maintained list of about 49,000), lower-cased. */
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

const KEYBOARD_ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "azertyuiop"];

/** True when every character is one step after (or before) the one before it: `abcdefghij`, `9876543210`. */
function isSequence(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if (step !== 1 && step !== -1) return false;
  return codes.every((code, i) => i === 0 || code - codes[i - 1]! === step);
}

function isKeyboardRun(text: string): boolean {
  return KEYBOARD_ROWS.some((row) => row.includes(text) || [...row].reverse().join("").includes(text));
}

/**
 * Why a new password is among the weakest, or null when it may be used. Only these are refused: one
 * character repeated, a sequence (letters, digits, a keyboard row), or a common password; there is
 * no strength score beyond that (`Correct-Horse-9` is fine).
 */
export function passwordWeakness(password: string): string | null {
  const lower = password.toLowerCase();
  if (/^(.)\1*$/su.test(password)) return "use more than one character repeated";
  if (isSequence(lower) || isKeyboardRun(lower)) return "use something other than a sequence of letters, digits or keys";
  if (commonPasswords().has(lower)) return "this is one of the most common passwords; choose another";
  return null;
}
