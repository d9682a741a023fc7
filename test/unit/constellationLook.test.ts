import { describe, expect, it } from 'vitest'
import { adaptivePoints, type YearRamp, yearRamp, yearRampPosition } from '../../src/state/constellationLook'

const at = (n: number, camKm = 23400, w = 1280, h = 720, pr = 1) => adaptivePoints(n, 6928, camKm, 45, w, h, pr, { size: 0, alpha: 0, keep: 0 })

describe('adaptive constellation points', () => {
  it('keeps a sparse constellation at full size and brightness', () => {
    const r = at(10_000)
    expect(r.size).toBeCloseTo(2.4, 5)
    expect(r.alpha).toBeGreaterThan(0.85)
  })
  it('makes a million points smaller and fainter, so the summed light leaves the Earth visible', () => {
    const sparse = at(10_000)
    const dense = at(1_000_000)
    expect(dense.size).toBeLessThan(sparse.size * 0.6)
    expect(dense.alpha).toBeLessThan(0.35)
    // Summed light per pixel: density × soft-disc area × alpha stays near the target (not saturated).
    const rPx = (Math.tan(Math.asin(6928 / 23400)) / Math.tan((22.5 * Math.PI) / 180)) * 360
    const light = ((1_000_000 * 0.6) / (Math.PI * rPx * rPx)) * 0.4 * dense.size ** 2 * dense.alpha
    expect(light).toBeLessThan(0.5)
    expect(light).toBeGreaterThan(0.15)
  })
  it('is monotonic in the count and scales with the pixel ratio', () => {
    let last = Number.POSITIVE_INFINITY
    for (const n of [1e3, 1e4, 1e5, 3e5, 1e6, 3e6]) {
      const r = at(n)
      expect(r.size * r.alpha * r.keep).toBeLessThanOrEqual(last + 1e-9)
      last = r.size * r.alpha * r.keep
    }
    expect(at(10_000, 23400, 2560, 1440, 2).size).toBeCloseTo(4.8, 5)
  })
  it('seen from the Moon, a million points draw a share of themselves so the small disc is not saturated', () => {
    const r = at(1_000_000, 384_400, 1280, 720)
    expect(r.keep).toBeGreaterThan(0)
    expect(r.keep).toBeLessThan(0.2)
    const rPx = (Math.tan(Math.asin(6928 / 384_400)) / Math.tan((22.5 * Math.PI) / 180)) * 360
    const light = ((1_000_000 * 0.6) / (Math.PI * rPx * rPx)) * 0.4 * r.size ** 2 * r.alpha * r.keep
    expect(light).toBeLessThan(0.5)
    expect(at(10_000).keep).toBe(1)
    expect(at(1_000_000).keep).toBe(1)
  })
  it('from inside the shell (a satellite close-up) the view sees only its share of the sky', () => {
    const r = at(1_000_000, 6378 + 400)
    expect(r.size).toBeGreaterThan(1)
    expect(r.alpha).toBeGreaterThan(0.05)
  })
})

describe('the launch-year ramp', () => {
  const epoch = Date.UTC(2026, 0, 1)
  const ramp = (oldest: number, newest: number) => yearRamp(oldest, newest, epoch, { fromYear: 0, toYear: 0, x: 0, y: 0 } as YearRamp)
  const at = (r: YearRamp, t: number) => yearRampPosition(r, t, epoch)

  it('spans the launch years of the satellites drawn, whole years, the oldest at 0 and the end of the newest year at 1', () => {
    // 2030-01-01: the first fill, launched from mid-2026 to the last days of 2029.
    const r = ramp(Date.UTC(2026, 5, 3), Date.UTC(2029, 11, 30))
    expect([r.fromYear, r.toYear]).toEqual([2026, 2029])
    expect(at(r, Date.UTC(2026, 0, 1))).toBeCloseTo(0, 9)
    expect(at(r, Date.UTC(2030, 0, 1))).toBeCloseTo(1, 9)
    // Each year has its quarter of the ramp (leap-day accuracy).
    for (let y = 2026; y <= 2029; y++) expect(at(r, Date.UTC(y, 6, 2))).toBeCloseTo((y - 2026 + 0.5) / 4, 2)
    // The shader's form: (deploy day − x) · y, with the epoch's days.
    const day = (Date.UTC(2028, 0, 1) - epoch) / 86_400_000
    expect((day - r.x) * r.y).toBeCloseTo(at(r, Date.UTC(2028, 0, 1)), 12)
  })

  it('in 2045 spans the satellites still in orbit (about 2040 to 2045), not the first launch in 2026', () => {
    const r = ramp(Date.UTC(2040, 4, 20), Date.UTC(2045, 4, 31))
    expect([r.fromYear, r.toYear]).toEqual([2040, 2045])
    // The oldest and newest drawn satellites sit near the ramp's two ends: its colours are used.
    expect(at(r, Date.UTC(2040, 4, 20))).toBeLessThan(0.1)
    expect(at(r, Date.UTC(2045, 4, 31))).toBeGreaterThan(0.9)
    // The old ramp (held elements: 2026 … a month ahead of mid-2045) crowded them into its last quarter.
    const held = ramp(Date.UTC(2026, 0, 1), Date.UTC(2045, 6, 1))
    expect(at(held, Date.UTC(2040, 4, 20))).toBeGreaterThan(0.7)
  })

  it('spans at least the one year when every satellite launched in it, and clamps outside the span', () => {
    const r = ramp(Date.UTC(2026, 2, 1), Date.UTC(2026, 8, 1))
    expect([r.fromYear, r.toYear]).toEqual([2026, 2026])
    expect(at(r, Date.UTC(2026, 6, 2))).toBeCloseTo(0.5, 2)
    expect(at(r, Date.UTC(2025, 0, 1))).toBe(0)
    expect(at(r, Date.UTC(2031, 0, 1))).toBe(1)
    // Newest before oldest (never in the sorted buffer) still gives a one-year span.
    const odd = ramp(Date.UTC(2030, 0, 5), Date.UTC(2029, 0, 5))
    expect([odd.fromYear, odd.toYear]).toEqual([2030, 2030])
    expect(odd.y).toBeGreaterThan(0)
  })
})
