/**
 * The swarm of deep-space compute satellites as points for the GPU: one point per
 * `payloadsPerPoint` heliocentric payloads (and, optionally, at least one per window), spread
 * through each window, in launch order, with the
 * representative's heliocentric Kepler elements and the shot's own mean anomaly (swarm.ts).
 * With n = √(μ☉/a³), the angle n (t − epoch) stays below ~200 rad over decades: float32 M keeps
 * ~1e-5 rad (~1,500 km). Points are appended and handed over in batches (take), never stored twice.
 */
import { AU_KM, DEG, MS_PER_DAY, SUN_GM_KM3_S2 } from '../constants'
import { meanMotion } from '../kepler'
import { wrapTwoPi } from '../vec'
import type { ShotResult } from './shot'

/**
 * Floats per swarm point: [a AU, e, i, Ω, ω (rad, ecliptic J2000), M0 (rad at the swarm epoch),
 * launch day, appear day (days since the swarm epoch; the point is drawn from the appear day on:
 * the representative's escape from Earth's Hill sphere)]. Sorted by launch day.
 */
export const SWARM_STRIDE = 8

export class SwarmPoints {
  /** Points made so far (at most capacity). */
  count = 0
  /** Points that did not fit the capacity. */
  dropped = 0
  private acc = 0
  private pending: number[] = []
  private pendingStart = 0

  constructor(
    readonly epochMs: number,
    readonly capacity: number,
    readonly payloadsPerPoint: number,
    readonly windowMs: number,
    /**
     * Every window with heliocentric shots draws at least one point (the swarm sizes
     * payloadsPerPoint so these fit): with exponential growth, the early years would otherwise
     * draw almost nothing, every point standing for the later, far larger launch rates.
     */
    readonly atLeastOnePerWindow = false,
  ) {}

  /** Adds the points of a window of `shots` shots starting at startMs whose representative is rep. */
  add(startMs: number, shots: number, rep: ShotResult): void {
    const h = rep.heliocentric
    if (rep.outcome !== 'heliocentric' || !h || h.e >= 1) return
    this.acc += shots / this.payloadsPerPoint
    const whole = Math.floor(this.acc)
    this.acc -= whole
    const np = this.atLeastOnePerWindow && shots > 0 ? Math.max(1, whole) : whole
    const n = meanMotion(h.aAu * AU_KM, SUN_GM_KM3_S2) // rad/s
    // The representative's M at its epoch carried back to the swarm epoch in float64.
    const mEpoch = h.meanAnomalyDeg * DEG - n * ((h.epochMs - this.epochMs) / 1000)
    const escapeDays = rep.escapeTimeDays ?? (rep.endMs - rep.launchMs) / MS_PER_DAY
    for (let p = 0; p < np; p++) {
      if (this.count >= this.capacity) {
        this.dropped += np - p
        break
      }
      const j = Math.floor(((p + 0.5) * shots) / np)
      const shotMs = startMs + ((j + 0.5) * this.windowMs) / shots
      const m = wrapTwoPi(mEpoch - n * ((shotMs - rep.launchMs) / 1000))
      const launchDay = (shotMs - this.epochMs) / MS_PER_DAY
      this.pending.push(h.aAu, h.e, h.iDeg * DEG, h.raanDeg * DEG, h.argpDeg * DEG, m, launchDay, launchDay + escapeDays)
      this.count++
    }
  }

  /** The points added since the last take, as a transferable array, and where they start. */
  take(): { start: number; elements: Float32Array } | null {
    if (this.pending.length === 0) return null
    const elements = Float32Array.from(this.pending)
    const start = this.pendingStart
    this.pendingStart += elements.length / SWARM_STRIDE
    this.pending = []
    return { start, elements }
  }
}
