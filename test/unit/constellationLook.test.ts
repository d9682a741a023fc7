import { describe, expect, it } from 'vitest'
import { adaptivePoints } from '../../src/state/constellationLook'

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
