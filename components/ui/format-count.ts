const format = new Intl.NumberFormat();

/** A count with thousands separators (one shared formatter: `toLocaleString` builds one per call). */
export function formatCount(n: number): string {
  return format.format(n);
}
