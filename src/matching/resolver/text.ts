// Text folding and tokenising: the same club written with or without diacritics, capitals, dots or
// apostrophes gives the same tokens.

/** Letters that NFKD does not decompose into a base letter plus marks. */
const specialLetters: Readonly<Record<string, string>> = {
  "ø": "o", "ß": "ss", "ł": "l", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
  "ŀ": "l", "ŧ": "t", "ŋ": "n", "ə": "e", "ſ": "s", "ĸ": "k"
}
const specialPattern = new RegExp(`[${Object.keys(specialLetters).join("")}]`, "g")

/** Lower case, compatibility-decomposed, combining marks removed, special letters spelt out. */
export const fold = (text: string): string =>
  text
    .toLowerCase()
    .replace(specialPattern, (c) => specialLetters[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")

const initialism = /^(?:[a-z]\.)+[a-z]?$/

/**
 * Folded words. Apostrophes join ("Nott'm" → "nottm", "Women's" → "womens"), dotted initialisms join
 * ("A.C." → "ac"), other dots separate ("Bor.Dortmund" → "bor", "dortmund"; "1." → "1"). A single dotted
 * letter keeps its dot ("B." → "b."): it abbreviates a word and is not a marker like a bare "B".
 */
export const tokenize = (text: string): Array<string> => {
  const out: Array<string> = []
  for (const chunk of fold(text).replace(/['’‘`´ʼ]/g, "").split(/[^a-z0-9.]+/)) {
    if (chunk === "") continue
    if (/^[a-z]\.$/.test(chunk)) out.push(chunk)
    else if (initialism.test(chunk)) out.push(chunk.replaceAll(".", ""))
    else for (const part of chunk.split(".")) if (part !== "") out.push(part)
  }
  return out
}

/**
 * The form tokens are compared in: German umlauts written out ("Muenchen") equal folded ones ("Munchen").
 * Applied to both sides, so a rare false fold ("Queens" → "quens") changes nothing.
 */
export const skeleton = (token: string): string => token.replace(/([aou])e/g, "$1")

/** Lower-case ASCII words joined by hyphens, for keys. */
export const slugOf = (tokens: ReadonlyArray<string>): string => tokens.join("-")
