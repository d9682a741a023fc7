/**
 * Seeded pseudo-random numbers for the simulation core (no Math.random anywhere in src/sim).
 * mulberry32: a 32-bit state generator by Tommy Ettinger, public domain; fast, small, and good
 * enough for placing satellites (not for cryptography or heavy statistics).
 */
export type Rng = () => number

/** A generator of floats in [0, 1) from a 32-bit seed; the same seed gives the same sequence. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes a string into a 32-bit seed (FNV-1a), e.g. to derive per-shell streams from one name. */
export function hashSeed(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}
