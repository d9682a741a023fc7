/** The deep-space worker's handler (src/worker/deepSpace/host.ts), called directly in Node. */
import { describe, expect, it } from 'vitest'
import { baseStateAt } from '../../src/sim/base/growth'
import { kardashevIndex, HUMANITY_POWER_W } from '../../src/sim/kardashev'
import { constellationMetricsAt } from '../../src/sim/constellation/metrics'
import { defaultScenario } from '../../src/sim/scenario/validate'
import type { Scenario } from '../../src/sim/scenario/schema'
import { SAMPLE_STRIDE, type TrajectoryWindow } from '../../src/sim/massDriver/inFlight'
import type { DeepSnapshot } from '../../src/sim/massDriver/snapshot'
import { SWARM_STRIDE } from '../../src/sim/massDriver/swarmPoints'
import { createDeepSpaceHost } from '../../src/worker/deepSpace/host'
import type { DeepWorkerToMain } from '../../src/worker/deepSpace/protocol'
import { swarmPositionKm } from '../../src/scene/deepSpace/swarmShader'
import { heliocentricKm, Astronomy } from '../../src/sim/ephemeris'
import { AU_KM } from '../../src/sim/constants'

const D = 86400e3
const START = Date.UTC(2040, 0, 1)

/** The default scenario with a steady 100 shots/h from 2040 (a few windows integrate quickly). */
function scenario(): Scenario {
  const s = defaultScenario()
  return {
    ...s,
    massDriver: {
      ...s.massDriver,
      shotsPerHour: [
        [2040, 100],
        [2041, 100],
      ],
    },
  } as Scenario
}

function harness() {
  const posted: DeepWorkerToMain[] = []
  const host = createDeepSpaceHost(
    (m) => posted.push(m),
    () => 0,
  )
  host.handle({ type: 'init', scenario: scenario() })
  const snaps = () => posted.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []))
  const windows = () => posted.flatMap((m) => (m.type === 'trajectory' ? [m.window] : []))
  return { host, posted, snaps, windows }
}

describe('deep-space worker host', () => {
  it('answers init with reset and ready; a step posts each trajectory once, then only new ones', () => {
    const { host, posted, snaps, windows } = harness()
    expect(posted.map((m) => m.type)).toEqual(['reset', 'ready'])
    host.handle({ type: 'step', seq: 1, tMs: START + 2 * D })
    const first = windows()
    // 6 h windows from the epoch to t + 1 day of look-ahead: 12.
    expect(first.length).toBe(12)
    expect(new Set(first.map((w) => w.index)).size).toBe(first.length)
    const w = first[0] as TrajectoryWindow
    expect(w.samples.length % SAMPLE_STRIDE).toBe(0)
    expect(w.samples[0]).toBe(0) // time offsets from the float64 launch epoch start at 0
    expect(Math.max(...Array.from(w.samples.filter((_, i) => i % SAMPLE_STRIDE === 0)))).toBeLessThanOrEqual(60 * 86400)
    expect(w.shown.length / 6).toBeGreaterThan(0)
    posted.length = 0
    host.handle({ type: 'step', seq: 2, tMs: START + 2 * D + 3600e3 })
    expect(windows().length).toBe(0) // nothing new within the same window
    host.handle({ type: 'step', seq: 3, tMs: START + 3 * D })
    const again = windows().map((x) => x.index)
    expect(again.length).toBe(4)
    expect(again.some((i) => first.some((f) => f.index === i))).toBe(false)
    expect(snaps().map((s) => s.seq)).toEqual([2, 3])
  })

  it('cumulative figures grow with time and scrubbing back gives the same numbers again', () => {
    const { host, snaps } = harness()
    const times = [1, 2, 3, 5, 8].map((d) => START + d * D)
    for (const [i, t] of times.entries()) host.handle({ type: 'step', seq: i + 1, tMs: t })
    const s = snaps()
    for (let i = 1; i < s.length; i++) {
      expect(s[i].shots).toBeGreaterThan(s[i - 1].shots)
      expect(s[i].massLaunchedKg).toBeGreaterThan(s[i - 1].massLaunchedKg)
      expect(s[i].deepSpaceComputeW).toBeGreaterThanOrEqual(s[i - 1].deepSpaceComputeW)
      expect(s[i].kardashev.k).toBeGreaterThanOrEqual(s[i - 1].kardashev.k)
      expect(s[i].swarmPoints).toBeGreaterThanOrEqual(s[i - 1].swarmPoints)
    }
    // The base's growth model is the single source of truth: the shots by the snapshot's instant are
    // the mass the base says it has thrown, divided by the payload (within 1 %: shots are spread
    // evenly through each 6 h window), and never more than the schedule's 100 shots/h.
    for (const snap of s) {
      const launchedKg = baseStateAt(scenario(), snap.figuresAtMs).satellitesLaunchedT * 1000
      const expected = launchedKg / scenario().massDriver.payloadKg
      expect(expected).toBeGreaterThan(100)
      expect(Math.abs(snap.shots - expected)).toBeLessThanOrEqual(Math.max(1, 0.01 * expected))
      expect(snap.shots).toBeLessThanOrEqual((100 * (snap.figuresAtMs - START)) / 3600e3 + 1)
    }
    const outcomesSum = Object.values(s[4].outcomes).reduce((a, b) => a + b, 0)
    expect(outcomesSum).toBe(s[4].shots)
    host.handle({ type: 'step', seq: 9, tMs: times[1] })
    const back = snaps().at(-1) as DeepSnapshot
    expect(back.shots).toBe(s[1].shots)
    expect(back.deepSpaceComputeW).toBe(s[1].deepSpaceComputeW)
  })

  it('the Kardashev reading matches src/sim/kardashev.ts for humanity plus orbit plus deep space', () => {
    const { host, snaps } = harness()
    const t = START + 4 * D
    host.handle({ type: 'step', seq: 1, tMs: t })
    const s = snaps()[0]
    const orbital = constellationMetricsAt(scenario(), t).orbitalComputeW
    expect(s.orbitalComputeW).toBe(orbital)
    expect(s.deepSpaceComputeW).toBeCloseTo(s.shots * 1 * 100e3, 0) // all escape at 2.5 km/s: 1 t × 100 kW/t
    expect(s.totalComputeW).toBe(orbital + s.deepSpaceComputeW)
    expect(s.kardashev.k).toBeCloseTo(kardashevIndex(HUMANITY_POWER_W + s.totalComputeW), 12)
    expect(s.kardashev.fractionOfSun).toBeCloseTo((HUMANITY_POWER_W + s.totalComputeW) / 3.828e26, 20)
    expect(s.track.lengthM).toBeCloseTo(2500 ** 2 / (2 * 100 * 9.80665), 6)
  })

  it('swarm points are sorted by launch day, appear after escape, and lie near 1 AU from the Sun', () => {
    const { host, posted } = harness()
    host.handle({ type: 'step', seq: 1, tMs: START + 3 * D })
    const reset = posted.find((m) => m.type === 'reset')!
    if (reset.type !== 'reset') return
    const batches = posted.flatMap((m) => (m.type === 'swarm' ? [m] : []))
    expect(batches.length).toBe(1)
    const el = batches[0].elements
    const n = el.length / SWARM_STRIDE
    expect(n).toBeGreaterThan(0)
    for (let k = 1; k < n; k++) expect(el[k * 8 + 6]).toBeGreaterThanOrEqual(el[(k - 1) * 8 + 6])
    const p = { x: 0, y: 0, z: 0 },
      e = { x: 0, y: 0, z: 0 }
    for (let k = 0; k < n; k++) {
      expect(el[k * 8 + 7] - el[k * 8 + 6]).toBeGreaterThan(5) // escape takes days
      const day = el[k * 8 + 7] + 1
      expect(swarmPositionKm(el, k, day, p)).toBe(true)
      expect(swarmPositionKm(el, k, el[k * 8 + 7] - 1, p)).toBe(false)
      swarmPositionKm(el, k, day, p)
      const r = Math.hypot(p.x, p.y, p.z) / AU_KM
      expect(r).toBeGreaterThan(0.95)
      expect(r).toBeLessThan(1.05)
      // Just after escape it is still near the Earth (Hill sphere 0.01 AU; a few × that).
      heliocentricKm(Astronomy.Body.Earth, reset.swarmEpochMs + day * D, e)
      expect(Math.hypot(p.x - e.x, p.y - e.y, p.z - e.z) / AU_KM).toBeLessThan(0.03)
    }
  })

  it("rateSource 'schedule' takes the shot count from the shotsPerHour schedule alone", () => {
    const posted: DeepWorkerToMain[] = []
    const host = createDeepSpaceHost(
      (m) => posted.push(m),
      () => 0,
    )
    host.handle({ type: 'init', scenario: scenario(), options: { rateSource: 'schedule' } })
    host.handle({ type: 'step', seq: 1, tMs: START + D })
    host.handle({ type: 'step', seq: 2, tMs: START + 2 * D })
    const s = posted.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []))
    // 100 shots/h: 2,400 a day, whatever the base could supply.
    expect(Math.abs(s[0].shots - 2400)).toBeLessThanOrEqual(1)
    expect(Math.abs(s[1].shots - s[0].shots - 2400)).toBeLessThanOrEqual(1)
    expect(s[1].shotsPerHour).toBeCloseTo(100, 6)
    const fromBase = (baseStateAt(scenario(), START + D).satellitesLaunchedT * 1000) / scenario().massDriver.payloadKg
    expect(fromBase).toBeLessThan(2400)
  })

  it('a new scenario resets; a step before init is an error', () => {
    const posted: DeepWorkerToMain[] = []
    const host = createDeepSpaceHost(
      (m) => posted.push(m),
      () => 0,
    )
    host.handle({ type: 'step', seq: 1, tMs: START })
    expect(posted[0].type).toBe('error')
    host.handle({ type: 'init', scenario: scenario() })
    host.handle({ type: 'scenario', scenario: scenario() })
    const resets = posted.flatMap((m) => (m.type === 'reset' ? [m.generation] : []))
    expect(resets).toEqual([1, 2])
  })
})
