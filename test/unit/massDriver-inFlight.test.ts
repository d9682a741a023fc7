/**
 * The payloads the app draws (src/sim/massDriver/inFlight.ts: what Payloads.tsx calls per payload,
 * fed from the float32 window the worker transfers) against the float64 reference reusedPositionKm
 * (reuse.ts, itself held to integrating every shot in massDriver-swarm.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { inFlightPositionKm, SAMPLE_STRIDE, SHOWN_STRIDE, trajectoryWindow } from '../../src/sim/massDriver/inFlight'
import { reusedPositionKm } from '../../src/sim/massDriver/reuse'
import { simulateShot } from '../../src/sim/massDriver/shot'
import { DEFAULT_WINDOW_MS } from '../../src/sim/massDriver/swarm'
import { vec3 } from '../../src/sim/vec'

const D = 86400e3
const W = DEFAULT_WINDOW_MS
/**
 * Drawn vs reference: the same model, so what differs is float32 (samples, turns, pins: a 24-bit
 * mantissa, 6e-8 relative). Measured 0.03 km in the first day and 0.1 ppm after (see the log line).
 */
const TOL_NEAR_KM = 0.5 // first day, near the Moon (r ≲ 500,000 km)
/** Beyond a day: relative to the distance from Earth. */
const TOL_REL = 1e-6

describe('drawn in-flight payloads vs the reference', () => {
  // A window whose representative escapes (Jan 2040, 2.5 km/s at 47°) and one at a lower speed that stays bound.
  for (const [label, startMs, p] of [
    ['escaping (2.5 km/s)', Date.UTC(2040, 0, 3), { exitSpeedMs: 2500, azimuthDeg: 47, elevationDeg: 0 }],
    ['Earth-bound (2.3 km/s)', Date.UTC(2041, 5, 10), { exitSpeedMs: 2300, azimuthDeg: 47, elevationDeg: 0 }],
  ] as const) {
    it(`${label}: every drawn shot follows reusedPositionKm from the transferred float32 window`, () => {
      const rep = simulateShot(startMs + W / 2, p, { days: 60 })
      const shots = 400,
        nShown = 41
      const sent = trajectoryWindow(rep, 1, startMs / W, startMs, W, shots, nShown)
      expect(sent.samples.length).toBe(rep.samples.tMs.length * SAMPLE_STRIDE)
      // What the main thread receives: a structured clone with the buffers transferred.
      const w = structuredClone(sent, { transfer: [sent.samples.buffer, sent.shown.buffer] })
      expect(w.shown.length).toBe(nShown * SHOWN_STRIDE)
      const a = vec3(),
        b = vec3()
      let worstNear = 0,
        worstRel = 0,
        compared = 0
      const endDays = (rep.endMs - rep.launchMs) / D
      for (let s = 0; s < nShown; s++) {
        const j = Math.floor(((s + 0.5) * shots) / nShown)
        const shotMs = startMs + ((j + 0.5) * W) / shots
        expect(inFlightPositionKm(w, s, shotMs - 1000, a)).toBe(false) // not launched yet
        for (const days of [0, 0.001, 0.01, 0.1, 0.3, 0.6, 1, 1.5, 2, 4, 8, 15, 30, 59]) {
          const t = shotMs + days * D
          const ref = reusedPositionKm(rep, shotMs, t, b)
          const drawn = inFlightPositionKm(w, s, t, a)
          // Both end together (to within a float32 time step at the last sample).
          if (days < endDays - 0.01) expect(drawn && ref).toBe(true)
          if (!drawn || !ref) continue
          const e = Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z)
          if (days <= 1) worstNear = Math.max(worstNear, e)
          else worstRel = Math.max(worstRel, e / Math.hypot(b.x, b.y, b.z))
          compared++
        }
      }
      console.log(
        `${label}: ${compared} comparisons, outcome ${rep.outcome}; worst drawn − reference: ${worstNear.toFixed(2)} km within a day of launch, ${(worstRel * 1e6).toFixed(1)} ppm of the distance from Earth after`,
      )
      expect(compared).toBeGreaterThan(nShown * 10)
      expect(worstNear).toBeLessThan(TOL_NEAR_KM)
      expect(worstRel).toBeLessThan(TOL_REL)
    })
  }
})
