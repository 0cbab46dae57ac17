/** A seeded source of floats in [0, 1): the same seed always yields the same sequence. */
export type Random = () => number;

/** mulberry32: a tiny, fast, seeded PRNG, good enough for simulations (not for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string: FNV-1a, then a murmur3 finaliser so that similar strings spread well. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A random source for one (seed, key) pair, independent of every other key: the basis of per-id timelines. */
export function randomFor(seed: number, key: string): Random {
  return mulberry32(hashString(`${seed}\u0000${key}`));
}

/** A float in [min, max). */
export function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

/** An integer in [min, max], both ends included. */
export function intBetween(random: Random, min: number, max: number): number {
  return Math.min(max, min + Math.floor((max - min + 1) * random()));
}

/** One of the items, uniformly. */
export function pick<T>(random: Random, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0];
}

/** One of the values, with the given weights (which need not sum to 1). */
export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of choices) {
    if (roll < weight) return value;
    roll -= weight;
  }
  const last = choices[choices.length - 1];
  if (last === undefined) throw new TypeError('weighted() needs at least one choice');
  return last[0];
}
