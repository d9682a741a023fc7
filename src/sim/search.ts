/**
 * Binary searches over ascending sequences, written once (times of launches, build times, window
 * starts, trajectory samples...). Both allocate nothing, so the render loop may call them.
 */

/**
 * The number of values ≤ x in an ascending sequence: the first index i in [0, n) with
 * a[offset + i·stride] > x, or n. `stride`/`offset` read one field of an interleaved typed array.
 */
export function upperBound(a: ArrayLike<number>, x: number, n = a.length, stride = 1, offset = 0): number {
  let lo = 0,
    hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[offset + mid * stride] <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** upperBound over objects ordered by a numeric key: the number of items with key(item) ≤ x. */
export function upperBoundBy<T>(items: readonly T[], x: number, key: (item: T) => number, n = items.length): number {
  let lo = 0,
    hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (key(items[mid]) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}
