// The grammar of club names: words that are structure rather than identity. Naming knowledge that users
// extend (team aliases, abbreviations, exonyms, league names) lives in data/aliases.json instead.

/**
 * The same legal form in other languages or word orders: Football Club, Club de Fútbol, Fudbalski Klub…, and
 * Italian "Calcio" ("Padova Calcio"), which stands where others write FC: "Casalmare Calcio" is not "AC Casalmare".
 */
const footballClub = ["fc", "cf", "fk", "afc", "cfc", "fbc", "pfc", "pfk", "ofk", "ff", "bk", "calcio"]
const sportClub = ["sc", "sk"]
/** German forms written out or abbreviated: "Sportfreunde Siegen" is "SF Siegen". */
const writtenOut: ReadonlyArray<readonly [string, string]> = [
  ["sportfreunde", "sf"], ["sf", "sf"], ["spielvereinigung", "spvgg"]
]

/**
 * Legal-form initialisms, each with its class. They are dropped from the words that identify a club, yet
 * two different forms (SC Oostzijl / Oostzijl FC, SpVgg Oberdorf / VfR Oberdorf) mean two clubs of one town,
 * as lower leagues have plenty of. A name without a form agrees with any.
 */
export const legalForms: ReadonlyMap<string, string> = new Map([
  ...footballClub.map((f) => [f, "fc"] as const),
  ...sportClub.map((f) => [f, "sc"] as const),
  ...[
    "sv", "ac", "acf", "as", "asd", "ss", "ssc", "ssd", "us", "usd", "nk", "hnk", "gnk", "cd", "ud", "sd", "ad", "ca",
    "rc", "rcd", "cs", "gd", "ec", "se", "cr", "bc", "sl", "sad", "vfb", "vfl", "vfr", "tsg", "tsv", "fsv", "ssv", "bsc",
    "spvgg", "if", "ik", "ks", "kv", "kvc", "krc", "kaa", "rsc", "rfc", "kas", "ogc", "aj", "sm", "ea", "sco", "sbv", "vv"
  ].map((f) => [f, f] as const),
  ...writtenOut
])

/** Words that say "club" without saying which: dropped like forms, never evidence either way. */
const clubWords = ["club", "clube", "football", "futbol", "fussball", "fotbal"]

/** Dropped wherever they stand, unless nothing else is left. */
export const affixes: ReadonlySet<string> = new Set([...legalForms.keys(), ...clubWords])

/** Articles and conjunctions that bookmakers keep or drop at will. */
export const stopwords: ReadonlySet<string> = new Set([
  "the", "of", "and", "de", "del", "della", "delle", "dei", "di", "da", "do", "dos", "das", "du", "des", "la", "le",
  "les", "el", "los", "las", "y", "e", "et", "und", "i"
])

/**
 * Words many different clubs share ("Inter", "Sporting", "United", "Dynamo"): sharing only these is no
 * evidence of the same club, and they weigh less in a similarity score.
 */
export const genericWords: ReadonlySet<string> = new Set([
  "real", "atletico", "athletic", "atletic", "sporting", "racing", "deportivo", "deportes", "inter", "internacional",
  "united", "city", "town", "rovers", "wanderers", "albion", "county", "dynamo", "dinamo", "spartak", "lokomotiv",
  "lokomotiva", "olympique", "olympic", "olimpia", "olympia", "union", "borussia", "rapid", "sport", "sports",
  "fortuna", "eintracht", "stade", "nacional", "national", "central", "universidad", "universitario", "universitatea",
  "academica", "independiente", "estudiantes", "gimnasia", "hapoel", "maccabi", "beitar", "bnei", "slavia", "sparta",
  "slovan", "cska", "dukla", "viktoria", "victoria", "vitoria", "young", "boys", "old", "north", "south", "east",
  "west", "park", "rangers", "celtic", "red", "star", "rot", "weiss", "blau", "juventud", "alianza", "america",
  "san", "santa", "saint", "ciudad", "new", "royal", "unirea", "torpedo", "botev", "wisla", "ruch", "gornik",
  "zaglebie", "polonia", "stal", "odra", "radnicki", "wacker", "admira", "austria", "kickers", "preussen"
])

/** Tier words: a side is senior unless one of these marks it women's, youth or reserve. */
export const womenWords: ReadonlySet<string> = new Set([
  "women", "womens", "woman", "ladies", "lady", "wfc", "femenino", "femenina", "femenil", "femeni", "feminino",
  "feminin", "feminine", "feminines", "femminile", "frauen", "damen", "dames", "vrouwen", "kvinner", "kvinder",
  "naiset", "kobiety", "kobiet", "zeny", "zene", "zenska", "zenske", "kvinnor", "dam", "kadin", "kadinlar", "fem"
])
export const youthWords: ReadonlySet<string> = new Set([
  "youth", "juniors", "junior", "jugend", "primavera", "academy", "juvenil", "juvenis", "jeugd", "yth"
])
export const reserveWords: ReadonlySet<string> = new Set(["reserves", "reserve", "res", "reservas", "amateure"])
/** Trailing-only markers: a letter or numeral after the club ("Bayern II", "Real Madrid B", "Arsenal W"). */
export const trailingReserve: ReadonlySet<string> = new Set(["b", "ii", "2"])
export const trailingThird: ReadonlySet<string> = new Set(["c", "iii", "3"])
/** Named second teams: Real Madrid's "Castilla", Barcelona's "Atlètic" (after folding: "atletic"). */
export const namedReserves: ReadonlySet<string> = new Set(["castilla", "atletic"])
/** Leading reserve marker: Dutch "Jong Ajax". */
export const leadingReserve: ReadonlySet<string> = new Set(["jong"])
/** "Under 21", "Sub-20", "U 19": a word followed by an age. */
export const ageWords: ReadonlySet<string> = new Set(["u", "under", "sub"])
export const youthAges = { min: 14, max: 23 } as const
