/**
 * The story's figures at a sim instant (src/state/story.ts storyAt), what the Kardashev gauge shows:
 * during the first year the figures at that instant (the snapshot's), not the year's end; between
 * year ends interpolated, continuous at each row.
 */
import { describe, expect, it } from 'vitest'
import { HUMANITY_POWER_W, kardashevIndex } from '../../src/sim/kardashev'
import { presetScenario } from '../../src/sim/scenario/presets'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { yearlyRows } from '../../src/sim/story/yearly'
import { rowStarts, setLiveStory, spacePowerW, storyAt, useStory } from '../../src/state/story'
import { createWorkerHost } from '../../src/worker/constellation/host'
import type { Snapshot, WorkerToMain } from '../../src/worker/constellation/protocol'

const s = presetScenario('seed') ?? defaultScenario()
const rows = yearlyRows(s, 2026, 2030)
const starts = rowStarts(rows)

/** A real snapshot from the worker's handler at tMs. */
function snapshotAt(tMs: number): Snapshot {
  const posted: WorkerToMain[] = []
  const queue: (() => void)[] = []
  const host = createWorkerHost(
    (m) => posted.push(m),
    () => 0,
    (fn) => queue.push(fn),
  )
  host.handle({ type: 'init', scenario: s })
  host.handle({ type: 'step', seq: 1, tMs })
  for (let fn = queue.shift(); fn; fn = queue.shift()) fn()
  const m = posted.find((x) => x.type === 'snapshot')
  if (m?.type !== 'snapshot') throw new Error('no snapshot')
  return m.snapshot
}

describe('storyAt: the gauge’s figures at the sim instant', () => {
  it('during the first year: the figures at that instant (the snapshot’s), well below the year’s end', () => {
    const t = Date.UTC(2026, 5, 1)
    const snap = snapshotAt(t)
    setLiveStory(snap.tMs, snap.constellation, snap.base, s)
    const at = storyAt(t, rows, starts)
    const orbit = snap.constellation?.orbitalComputeW ?? NaN
    // Early June 2026 the seed has a few months of flights: its compute in orbit, not December's.
    expect(orbit).toBeGreaterThan(0)
    expect(at.powerW).toBeGreaterThanOrEqual(orbit)
    expect(at.powerW).toBeLessThan(0.8 * spacePowerW(rows[0]))
    expect(at.kardashev).toBeCloseTo(kardashevIndex(HUMANITY_POWER_W + at.powerW), 12)
    expect(at.kardashev).toBeLessThan(rows[0].kardashev)
    // The store's rows are the default arguments.
    useStory.setState({ rows, rowStartMs: starts })
    expect(storyAt(t).powerW).toBe(at.powerW)
    expect(useStory.getState().at(t).powerW).toBe(at.powerW) // what the gauge reads
  })

  it('at a row’s instant its figures; between two rows in between (log-linear power), so the needle moves within the year', () => {
    const a = storyAt(starts[1], rows, starts)
    expect(a.powerW).toBeCloseTo(spacePowerW(rows[1]), 0)
    expect(a.kardashev).toBeCloseTo(rows[1].kardashev, 12)
    const mid = (starts[1] + starts[2]) / 2
    const m = { ...storyAt(mid, rows, starts) }
    const lo = Math.min(spacePowerW(rows[1]), spacePowerW(rows[2]))
    const hi = Math.max(spacePowerW(rows[1]), spacePowerW(rows[2]))
    expect(m.powerW).toBeGreaterThanOrEqual(lo)
    expect(m.powerW).toBeLessThanOrEqual(hi)
    expect(m.kardashev).toBeCloseTo((rows[1].kardashev + rows[2].kardashev) / 2, 6)
    // Past the last row: the last row.
    expect(storyAt(starts[starts.length - 1] + 1e9, rows, starts).kardashev).toBe(rows[rows.length - 1].kardashev)
    // No rows yet: NaN, not a stale figure.
    expect(storyAt(starts[1], [], new Float64Array(0)).powerW).toBeNaN()
  })

  it('continuous at the first row: the live figures there equal the row (same model)', () => {
    const snap = snapshotAt(starts[0] - 1)
    setLiveStory(snap.tMs, snap.constellation, snap.base, s)
    const before = storyAt(starts[0] - 1, rows, starts).powerW
    const at = storyAt(starts[0], rows, starts).powerW
    expect(Math.abs(before - at) / at).toBeLessThan(1e-3)
  })
})
