/**
 * What the deep-space worker remembers of every launch window it has integrated: a few numbers per
 * window (start, shots, outcome) with prefix sums, so the cumulative figures at any earlier instant
 * are a binary search (scrubbing back recomputes nothing), and the swarm points built from each
 * heliocentric window, one point per `payloadsPerPoint` payloads, spread through the window.
 */
import { AU_KM, DEG, SUN_GM_KM3_S2 } from '../sim/constants'
import { meanMotion } from '../sim/kepler'
import type { ShotOutcome, ShotResult } from '../sim/massDriver/shot'
import { OUTCOMES, SWARM_STRIDE } from './deepSpace.protocol'

export interface WindowFigures {
  shots: number
  deepSpacePayloads: number
  outcomes: Record<ShotOutcome, number>
}

const emptyOutcomes = (): Record<ShotOutcome, number> => ({ impact: 0, 'lunar-orbit': 0, 'earth-orbit': 0, l2: 0, heliocentric: 0 })

export class WindowLog {
  readonly index: number[] = []
  readonly startMs: number[] = []
  readonly shots: number[] = []
  readonly outcome: number[] = []
  /** Prefix sums before window k: shots, shots not lost to impact, shots per outcome. */
  private readonly cumShots: number[] = [0]
  private readonly cumDeep: number[] = [0]
  private readonly cumOutcome: number[][] = OUTCOMES.map(() => [0])

  constructor(readonly windowMs: number) {}

  get length(): number {
    return this.index.length
  }

  add(index: number, startMs: number, shots: number, outcome: ShotOutcome): void {
    const k = this.index.length
    const o = OUTCOMES.indexOf(outcome)
    this.index.push(index)
    this.startMs.push(startMs)
    this.shots.push(shots)
    this.outcome.push(o)
    this.cumShots.push(this.cumShots[k] + shots)
    this.cumDeep.push(this.cumDeep[k] + (outcome === 'impact' ? 0 : shots))
    this.cumOutcome.forEach((c, j) => c.push(c[k] + (j === o ? shots : 0)))
  }

  /** Position of the record with this window index, or −1. */
  find(index: number): number {
    let lo = 0, hi = this.index.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = this.index[mid]
      if (v === index) return mid
      if (v < index) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /** Shots of window k launched by tMs (spread evenly: shot j at start + (j + ½) W / shots). */
  launchedBy(k: number, tMs: number): number {
    const n = this.shots[k]
    const f = ((tMs - this.startMs[k]) / this.windowMs) * n + 0.5
    return Math.min(n, Math.max(0, Math.floor(f)))
  }

  /** Cumulative figures at tMs (every window starting at or before tMs must have been added). */
  figuresAt(tMs: number): WindowFigures {
    const out: WindowFigures = { shots: 0, deepSpacePayloads: 0, outcomes: emptyOutcomes() }
    let lo = 0, hi = this.startMs.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.startMs[mid] <= tMs) lo = mid + 1
      else hi = mid
    }
    const k = lo - 1
    if (k < 0) return out
    const part = this.launchedBy(k, tMs)
    const o = this.outcome[k]
    out.shots = this.cumShots[k] + part
    out.deepSpacePayloads = this.cumDeep[k] + (OUTCOMES[o] === 'impact' ? 0 : part)
    OUTCOMES.forEach((name, j) => {
      out.outcomes[name] = this.cumOutcome[j][k] + (j === o ? part : 0)
    })
    return out
  }
}

/** Builds swarm points (SWARM_STRIDE floats each) from heliocentric windows, in launch order. */
export class SwarmPoints {
  count = 0
  private acc = 0
  private pending: number[] = []
  private pendingStart = 0

  constructor(readonly epochMs: number, readonly capacity: number, readonly payloadsPerPoint: number, readonly windowMs: number) {}

  add(startMs: number, shots: number, rep: ShotResult): void {
    const h = rep.heliocentric
    if (rep.outcome !== 'heliocentric' || !h || h.e >= 1) return
    this.acc += shots / this.payloadsPerPoint
    const np = Math.floor(this.acc)
    this.acc -= np
    const n = meanMotion(h.aAu * AU_KM, SUN_GM_KM3_S2) // rad/s
    // The representative's M at its epoch carried back to the swarm epoch in float64 (swarm.ts).
    const mEpoch = h.meanAnomalyDeg * DEG - n * ((h.epochMs - this.epochMs) / 1000)
    const escapeDays = rep.escapeTimeDays ?? (rep.endMs - rep.launchMs) / 86400e3
    for (let p = 0; p < np && this.count < this.capacity; p++) {
      const j = Math.floor(((p + 0.5) * shots) / np)
      const shotMs = startMs + ((j + 0.5) * this.windowMs) / shots
      let m = (mEpoch - n * ((shotMs - rep.launchMs) / 1000)) % (2 * Math.PI)
      if (m < 0) m += 2 * Math.PI
      const launchDay = (shotMs - this.epochMs) / 86400e3
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
