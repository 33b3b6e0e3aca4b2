import { assert } from "./assert";

/**
 * The sorted set of price keys of one book side: a list of sorted chunks (a two-level
 * B-tree). Keys are arranged so the best price is always the largest key, which sits at the
 * end of the last chunk: reading or popping the best level is O(1), and the usual churn near
 * the top of the book shifts only a few elements of one small chunk. Inserting or removing
 * anywhere else costs a binary search over chunk maxima plus a shift inside one chunk of at
 * most CHUNK_SIZE keys, so 100k+ levels stay cheap, and chunks are allocated only when one
 * splits.
 */

const CHUNK_SIZE = 512;
const NONE = 0;

// `chunks` and `sizes` always have the same length, and every index below is in range by
// construction, so reads are cast rather than checked; `validate` proves the shape.

export class SortedKeyIndex {
  private readonly chunks: Float64Array[] = [new Float64Array(CHUNK_SIZE)];
  private readonly sizes: number[] = [0];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The largest key, or 0 when empty (keys are never 0). */
  max(): number {
    const last = this.chunks.length - 1;
    const size = this.sizes[last] as number;
    if (size === 0) return NONE;
    return this.chunkAt(last)[size - 1] as number;
  }

  insert(key: number): void {
    let c = this.chunkFor(key);
    let chunk = this.chunkAt(c);
    let size = this.sizes[c] as number;
    if (size === CHUNK_SIZE) {
      this.split(c);
      if (key > (chunk[CHUNK_SIZE / 2 - 1] as number)) c++;
      chunk = this.chunkAt(c);
      size = this.sizes[c] as number;
    }
    const at = lowerBound(chunk, size, key);
    chunk.copyWithin(at + 1, at, size);
    chunk[at] = key;
    this.sizes[c] = size + 1;
    this.count++;
  }

  /** Removes `key` if present. */
  remove(key: number): void {
    const c = this.chunkFor(key);
    const chunk = this.chunkAt(c);
    const size = this.sizes[c] as number;
    const at = lowerBound(chunk, size, key);
    if (at === size || chunk[at] !== key) return;
    chunk.copyWithin(at, at + 1, size);
    this.sizes[c] = size - 1;
    this.count--;
    if (size === 1 && this.chunks.length > 1) {
      this.chunks.splice(c, 1);
      this.sizes.splice(c, 1);
    }
  }

  /** The largest key strictly below `key`, or 0. */
  below(key: number): number {
    let c = this.chunkFor(key);
    const chunk = this.chunkAt(c);
    const at = lowerBound(chunk, this.sizes[c] as number, key);
    if (at > 0) return chunk[at - 1] as number;
    while (--c >= 0) {
      const size = this.sizes[c] as number;
      if (size > 0) return this.chunkAt(c)[size - 1] as number;
    }
    return NONE;
  }

  /**
   * Throws unless the chunks hold `size` keys in strictly ascending order across chunk
   * boundaries, with no empty chunk beside another.
   */
  validate(): void {
    assert(this.chunks.length === this.sizes.length, "sorted index: chunks and sizes differ");
    let total = 0;
    let previous = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < this.chunks.length; c++) {
      const size = this.sizes[c] as number;
      assert(size >= 0 && size <= CHUNK_SIZE, "sorted index: chunk size out of range");
      assert(size > 0 || this.chunks.length === 1, "sorted index: empty chunk beside others");
      const chunk = this.chunkAt(c);
      for (let i = 0; i < size; i++) {
        const key = chunk[i] as number;
        assert(key > previous && key !== NONE, "sorted index: keys not strictly ascending");
        previous = key;
      }
      total += size;
    }
    assert(total === this.count, "sorted index: size differs from the keys held");
  }

  /** Index of the first chunk whose largest key is >= key (the last chunk if none is). */
  private chunkFor(key: number): number {
    const last = this.chunks.length - 1;
    // Most traffic is at the top of the book: try the last chunk before searching. Only a
    // lone chunk is ever empty, so maxOf is meaningful for every chunk before the last.
    if (last === 0 || key > this.maxOf(last - 1)) return last;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.maxOf(mid) >= key) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private maxOf(c: number): number {
    return this.chunkAt(c)[(this.sizes[c] as number) - 1] as number;
  }

  private chunkAt(c: number): Float64Array {
    return this.chunks[c] as Float64Array;
  }

  private split(c: number): void {
    const chunk = this.chunkAt(c);
    const upper = new Float64Array(CHUNK_SIZE);
    const half = CHUNK_SIZE / 2;
    upper.set(chunk.subarray(half, CHUNK_SIZE));
    this.chunks.splice(c + 1, 0, upper);
    this.sizes[c] = half;
    this.sizes.splice(c + 1, 0, CHUNK_SIZE - half);
  }
}

/** First position in chunk[0, size) whose key is >= key. */
function lowerBound(chunk: Float64Array, size: number, key: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((chunk[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
