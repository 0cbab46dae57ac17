/**
 * The lower envelope of lines y = a - x * b over fixed query points x[0..n] (ascending), lines only added: a Li
 * Chao tree, O(log n) per insertion and per query. The dynamic programs of the capped oracle use it where the
 * price of a check changes with time, so the slopes of their lines come in no order.
 */
export class MinLines {
  readonly #xs: Float64Array;
  readonly #a: Float64Array;
  readonly #b: Float64Array;
  readonly #id: Int32Array;

  /** `xs`: the query points, ascending. */
  constructor(xs: Float64Array) {
    this.#xs = xs;
    const size = 4 * Math.max(1, xs.length);
    this.#a = new Float64Array(size);
    this.#b = new Float64Array(size);
    this.#id = new Int32Array(size).fill(-1);
  }

  /** Adds the line a - x * b, known as `id`. */
  add(a: number, b: number, id: number): void {
    let node = 1;
    let lo = 0;
    let hi = this.#xs.length - 1;
    let lineA = a;
    let lineB = b;
    let lineId = id;
    for (;;) {
      const mid = (lo + hi) >> 1;
      if ((this.#id[node] ?? -1) < 0) {
        this.#a[node] = lineA;
        this.#b[node] = lineB;
        this.#id[node] = lineId;
        return;
      }
      const xMid = this.#xs[mid] ?? 0;
      const curA = this.#a[node] ?? 0;
      const curB = this.#b[node] ?? 0;
      if (lineA - xMid * lineB < curA - xMid * curB) {
        // Keep the better line at the middle here; push the other one down.
        this.#a[node] = lineA;
        this.#b[node] = lineB;
        const curId = this.#id[node] ?? -1;
        this.#id[node] = lineId;
        lineA = curA;
        lineB = curB;
        lineId = curId;
      }
      if (lo === hi) return;
      const xLo = this.#xs[lo] ?? 0;
      const xHi = this.#xs[hi] ?? 0;
      const keptA = this.#a[node] ?? 0;
      const keptB = this.#b[node] ?? 0;
      if (lineA - xLo * lineB < keptA - xLo * keptB) {
        node = 2 * node;
        hi = mid;
      } else if (lineA - xHi * lineB < keptA - xHi * keptB) {
        node = 2 * node + 1;
        lo = mid + 1;
      } else {
        return;
      }
    }
  }

  /** The least value of any line at query point `index`, and that line's id (-1 with no line). */
  query(index: number): { readonly value: number; readonly id: number } {
    const x = this.#xs[index] ?? 0;
    let node = 1;
    let lo = 0;
    let hi = this.#xs.length - 1;
    let value = Number.POSITIVE_INFINITY;
    let id = -1;
    for (;;) {
      const here = this.#id[node] ?? -1;
      if (here < 0) break;
      const candidate = (this.#a[node] ?? 0) - x * (this.#b[node] ?? 0);
      if (candidate < value) {
        value = candidate;
        id = here;
      }
      if (lo === hi) break;
      const mid = (lo + hi) >> 1;
      if (index <= mid) {
        node = 2 * node;
        hi = mid;
      } else {
        node = 2 * node + 1;
        lo = mid + 1;
      }
    }
    return { value, id };
  }
}
