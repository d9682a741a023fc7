/**
 * Landing notices and the ships drawn come from the worker's base snapshots only: the visits a
 * snapshot carries agree with the landings listed directly, and the notices derived snapshot by
 * snapshot (touchdowns after the previous snapshot's time) name every landing the clock runs
 * through once, and none across a seek.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { baseSnapshotAt, landingTimesBetween, visitsBetween, VISIT_WINDOW_MS } from '../../src/sim/base'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { simTime, useClock } from '../../src/state/clock'
import { useScenario } from '../../src/state/scenario'
import { useSim } from '../../src/state/sim'
import { useUi } from '../../src/state/ui'
import { startLandingNotices } from '../../src/ui/landingNotices'
import type { Snapshot } from '../../src/worker/constellation/protocol'

const sc = defaultScenario()
const A = Date.UTC(2050, 0, 10),
  B = Date.UTC(2050, 1, 10)

describe('base snapshots: ship visits', () => {
  it('carry the same visits as listing them directly, around any instant', () => {
    const expected = landingTimesBetween(sc, A, B)
    expect(expected.length).toBeGreaterThan(3)
    for (const l of expected) {
      for (const dt of [-3600e3, -1, 0, 1, 2 * 86400e3]) {
        const s = baseSnapshotAt(sc, l.tMs + dt)
        expect(s.visits).toEqual(visitsBetween(sc, s.visitsFromMs, s.visitsToMs))
        expect(s.visitsToMs - s.visitsFromMs).toBe(2 * VISIT_WINDOW_MS)
        expect(s.visits.some((v) => v.index === l.index && v.pad === l.pad && v.tMs === l.tMs)).toBe(true)
      }
    }
  })
})

describe('landing notices from snapshots', () => {
  let stop: (() => void) | null = null
  afterEach(() => stop?.())

  const send = (tMs: number, seq: number) => {
    simTime.tMs = tMs
    const snapshot = { seq, tMs, base: baseSnapshotAt(sc, tMs) } as Pick<Snapshot, 'seq' | 'tMs' | 'base'>
    useSim.setState({ snapshot: snapshot as Snapshot })
  }
  const notices = () =>
    useUi
      .getState()
      .noticeLog.map((n) => n.text)
      .filter((t) => t.startsWith('Starship cargo landing'))

  it('announce each landing the clock runs through at ≤ 1000×, once, and none across a seek', () => {
    useScenario.setState({ scenario: sc })
    useUi.setState({ focus: 'base' })
    useClock.setState({ warp: 1000, playing: true })
    const before = notices().length
    stop = startLandingNotices()
    const landings = landingTimesBetween(sc, A, B)
    // Snapshots every 900 s of sim time (1000× at ~1 s between them), through the month.
    let seq = 0
    for (let t = A; t < B; t += 900e3) send(t, ++seq)
    const told = notices().slice(before)
    const ran = landings.filter((l) => l.tMs > A && l.tMs <= A + Math.floor((B - 1 - A) / 900e3) * 900e3)
    expect(ran.length).toBeGreaterThan(3)
    expect(told).toEqual(ran.map((l) => `Starship cargo landing ${l.index + 1} on pad ${l.pad + 1}: ${sc.base.payloadPerLandingT.toFixed(0)} t delivered`))
    // A seek of 10 minutes over the next landing announces nothing (a 10-minute step would).
    const next = landingTimesBetween(sc, B, B + 60 * 86400e3)[0]
    send(next.tMs - 300e3, ++seq)
    const n = notices().length
    useClock.setState({ seekCount: useClock.getState().seekCount + 1 })
    send(next.tMs + 300e3, ++seq)
    send(next.tMs + 900e3, ++seq)
    expect(notices().length).toBe(n)
    // Nor does running faster than 1000× through one.
    const after = landingTimesBetween(sc, next.tMs + 1, B + 90 * 86400e3)[0]
    useClock.setState({ warp: 1001 })
    send(after.tMs - 300e3, ++seq)
    send(after.tMs + 300e3, ++seq)
    expect(notices().length).toBe(n)
    // At 1000× the same step does.
    const third = landingTimesBetween(sc, after.tMs + 1, B + 90 * 86400e3)[0]
    useClock.setState({ warp: 1000 })
    send(third.tMs - 300e3, ++seq)
    send(third.tMs + 300e3, ++seq)
    expect(notices().length).toBe(n + 1)
  })
})
