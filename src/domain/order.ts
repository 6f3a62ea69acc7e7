// A fixed order for strings, by UTF-16 code units: results that must not depend on input order sort with it.
// Not localeCompare: that loads ICU's collation data (3 MiB resident) and costs more per comparison.
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
