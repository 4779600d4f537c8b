/** A small seeded PRNG (mulberry32): the simulator's only source of randomness, so a seed replays exactly. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(values: readonly T[]): T;
  chance(probability: number): boolean;
  /** `count` distinct values in their original order. */
  sample<T>(values: readonly T[], count: number): T[];
  hex(length: number): string;
  /** One of the values, each with its probability; the weights should add up to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (values) => {
      if (values.length === 0) throw new Error('pick from an empty list');
      return values[int(0, values.length - 1)] as (typeof values)[number];
    },
    chance: (probability) => next() < probability,
    sample: (values, count) => {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(count, values.length)) chosen.add(int(0, values.length - 1));
      return values.filter((_, index) => chosen.has(index));
    },
    hex: (length) => Array.from({ length }, () => int(0, 15).toString(16)).join(''),
    weighted: (choices) => {
      let roll = next();
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = choices[choices.length - 1];
      if (!last) throw new Error('weighted choice from an empty list');
      return last[0];
    },
  };
}
