/** Multisets of strings as sorted arrays of small integers: interning, and intersection by merging. */

/** Maps strings to small integers (0, 1, 2… in order of first sight), so equal strings compare as equal numbers. */
export class Interner {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let v = this.ids.get(key);
    if (v === undefined) {
      v = this.ids.size;
      this.ids.set(key, v);
    }
    return v;
  }
}

/** Size of the multiset intersection of two ascending arrays (each common value counted as often as both hold it). */
export function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
