/**
 * The largest and smallest of many numbers. `Math.max(...values)` passes every value as an argument,
 * which overflows the call stack past about a hundred thousand of them (a plain-text file of that
 * many lines); these loop instead.
 */
export function largest(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let result = floor;
  for (const value of values) if (value > result) result = value;
  return result;
}

export function smallest(values: Iterable<number>, ceiling = Number.POSITIVE_INFINITY): number {
  let result = ceiling;
  for (const value of values) if (value < result) result = value;
  return result;
}

/** Appends every item to `target` without spreading them as arguments (see {@link largest}). */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
