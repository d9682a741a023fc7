/**
 * What the deep-space simulation remembers of every launch window it has integrated: a few numbers
 * per window (index, shots, outcome) with prefix sums, so the cumulative figures at any earlier
 * instant are a binary search (scrubbing back recomputes nothing). Windows are added in index order.
 * Memory: 9 numbers per window with shots (4 windows a day: ≤ 2.3 × 10⁵ windows to 2200; measured
 * ~150 bytes a window with the arrays' growth slack, test/unit/massDriver-windowLog.test.ts).
 */
import { upperBound } from '../search'
import { OUTCOMES, outcomeCode, type ShotOutcome } from './shot'

export interface WindowFigures {
  shots: number
  /** Shots not lost to impact. */
  deepSpacePayloads: number
  outcomes: Record<ShotOutcome, number>
}

const IMPACT = outcomeCode('impact')

export class WindowLog {
  readonly index: number[] = []
  readonly shots: number[] = []
  readonly outcome: number[] = []
  /** Prefix sums before window k: shots, and shots per outcome. */
  private readonly cumShots: number[] = [0]
  private readonly cumOutcome: number[][] = OUTCOMES.map(() => [0])

  constructor(readonly windowMs: number) {}

  get length(): number {
    return this.index.length
  }

  startMs(k: number): number {
    return this.index[k] * this.windowMs
  }

  add(index: number, shots: number, outcome: ShotOutcome): void {
    const k = this.index.length
    const o = outcomeCode(outcome)
    this.index.push(index)
    this.shots.push(shots)
    this.outcome.push(o)
    this.cumShots.push(this.cumShots[k] + shots)
    for (let j = 0; j < this.cumOutcome.length; j++) this.cumOutcome[j].push(this.cumOutcome[j][k] + (j === o ? shots : 0))
  }

  /** Position of the record with this window index, or −1. */
  find(index: number): number {
    const k = upperBound(this.index, index) - 1
    return k >= 0 && this.index[k] === index ? k : -1
  }

  /** Shots of window k launched by tMs (spread evenly: shot j at start + (j + ½) W / shots). */
  launchedBy(k: number, tMs: number): number {
    const n = this.shots[k]
    const f = ((tMs - this.startMs(k)) / this.windowMs) * n + 0.5
    return Math.min(n, Math.max(0, Math.floor(f)))
  }

  /** Shots of every window added so far. */
  get totalShots(): number {
    return this.cumShots[this.index.length]
  }

  /** Shots with this outcome of every window added so far. */
  totalOf(outcome: ShotOutcome): number {
    return this.cumOutcome[outcomeCode(outcome)][this.index.length]
  }

  /** Cumulative figures at tMs (every window starting at or before tMs must have been added). */
  figuresAt(tMs: number): WindowFigures {
    const out: WindowFigures = { shots: 0, deepSpacePayloads: 0, outcomes: { impact: 0, 'lunar-orbit': 0, 'earth-orbit': 0, l2: 0, heliocentric: 0 } }
    // The last window starting at or before tMs: index ≤ tMs / W.
    const k = upperBound(this.index, Math.floor(tMs / this.windowMs)) - 1
    if (k < 0) return out
    const part = this.launchedBy(k, tMs)
    const o = this.outcome[k]
    out.shots = this.cumShots[k] + part
    out.deepSpacePayloads = this.cumShots[k] - this.cumOutcome[IMPACT][k] + (o === IMPACT ? 0 : part)
    for (let j = 0; j < OUTCOMES.length; j++) out.outcomes[OUTCOMES[j]] = this.cumOutcome[j][k] + (j === o ? part : 0)
    return out
  }
}
