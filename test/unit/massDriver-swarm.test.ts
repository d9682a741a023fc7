import { describe, expect, it } from 'vitest'
import { simulateShot } from '../../src/sim/massDriver/shot'
import { interpolateSamples, reusedPositionKm } from '../../src/sim/massDriver/reuse'
import { MassDriverSwarm } from '../../src/sim/massDriver/swarm'
import { SWARM_STRIDE } from '../../src/sim/massDriver/swarmPoints'
import { defaultMassDriverParams, type MassDriverParams } from '../../src/sim/massDriver/params'
import { meanMotion } from '../../src/sim/kepler'
import { AU_KM, SUN_GM_KM3_S2 } from '../../src/sim/constants'
import { vec3 } from '../../src/sim/vec'

const T0 = Date.UTC(2035, 0, 1)
const H = 3600e3,
  D = 86400e3

describe('representative trajectories per 6 h window', () => {
  it('reusing the window-centre trajectory for a shot 3 h away: measured error', () => {
    const p = { exitSpeedMs: 2500, azimuthDeg: 90, elevationDeg: 0 }
    const rep = simulateShot(T0, p)
    const rows: string[] = []
    for (const dh of [-3, 3]) {
      const shotMs = T0 + dh * H
      const truth = simulateShot(shotMs, p)
      const err = (days: number, mode: 'shift' | 'rotate') => {
        const a = vec3(),
          b = vec3()
        interpolateSamples(truth, shotMs + days * D, a)
        reusedPositionKm(rep, shotMs, shotMs + days * D, b, mode)
        return { e: Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z), r: Math.hypot(a.x, a.y, a.z) }
      }
      for (const days of [0.01, 1, 10, 30]) {
        const rot = err(days, 'rotate'),
          sh = err(days, 'shift')
        rows.push(`Δt ${dh} h, ${days} d: rotate ${rot.e.toFixed(0)} km, shift ${sh.e.toFixed(0)} km (r ${rot.r.toExponential(2)} km)`)
        expect(rot.e).toBeLessThan(sh.e)
        if (days <= 0.01)
          expect(rot.e).toBeLessThan(20) // near the Moon: pinned to the true Moon
        else if (days <= 1) expect(rot.e).toBeLessThan(1500)
        else expect(rot.e / rot.r).toBeLessThan(0.01)
      }
    }
    console.log(rows.join('\n'))
  })
})

describe('MassDriverSwarm', () => {
  const params = (): MassDriverParams => ({
    ...defaultMassDriverParams(),
    shotsPerHour: [
      [2040, 100],
      [2041, 100],
    ],
  })
  const start = Date.UTC(2040, 0, 1)
  /** All swarm points handed over so far, concatenated. */
  const allPoints = (s: MassDriverSwarm, into: number[] = []): number[] => {
    const b = s.points.take()
    if (b) {
      expect(b.start).toBe(into.length / SWARM_STRIDE)
      into.push(...b.elements)
    }
    return into
  }

  it('counts shots, mass and deep-space compute; makes points for heliocentric payloads', () => {
    // A horizon of these two days: one point per payload.
    const s = new MassDriverSwarm(params(), { days: 60, horizonEndMs: start + 2 * D })
    s.advanceTo(start + 2 * D)
    const f = s.log.figuresAt(start + 2 * D)
    expect(s.log.totalShots).toBe(4800) // 100/h × 48 h
    expect(f.shots).toBe(4800)
    expect(s.recent.length).toBe(8) // 6 h windows
    expect(s.deepSpaceComputeW(f.deepSpacePayloads)).toBe(f.deepSpacePayloads * 1 * 100e3) // 1 t × 100 kW/t (SOURCES §1)
    const helio = s.log.totalOf('heliocentric')
    expect(helio).toBeGreaterThan(0)
    expect(s.points.payloadsPerPoint).toBe(1)
    const el = allPoints(s)
    expect(el.length / SWARM_STRIDE).toBe(s.points.count)
    expect(s.points.count).toBe(helio)
    for (let k = 0; k < s.points.count; k++) {
      const a = el[SWARM_STRIDE * k]
      expect(a).toBeGreaterThan(0.8)
      expect(a).toBeLessThan(1.3)
    }
    // Shots in one window share the orbit, delayed: M0 steps by n · Δt.
    const w = s.recent.find((x) => x.rep.outcome === 'heliocentric')!
    const idx = s.recent.filter((x) => x.rep.outcome === 'heliocentric').indexOf(w) * w.shots
    const n = meanMotion(el[SWARM_STRIDE * idx] * AU_KM, SUN_GM_KM3_S2)
    const dM = el[SWARM_STRIDE * idx + 5] - el[SWARM_STRIDE * (idx + 1) + 5]
    expect(dM).toBeCloseTo((n * (6 * 3600)) / w.shots, 6)
  })

  it('is deterministic and independent of how time is advanced', () => {
    const a = new MassDriverSwarm(params(), { days: 30 })
    a.advanceTo(start + D)
    const b = new MassDriverSwarm(params(), { days: 30 })
    const bPoints: number[] = []
    for (let h = 1; h <= 24; h++) {
      b.advanceTo(start + h * H)
      allPoints(b, bPoints)
    }
    expect(b.log.totalShots).toBe(a.log.totalShots)
    expect(b.log.figuresAt(start + 13 * H)).toEqual(a.log.figuresAt(start + 13 * H))
    expect(bPoints).toEqual(allPoints(a))
  })

  it('keeps the representatives in flight and integrates older ones again, identically', () => {
    const s = new MassDriverSwarm(params(), { days: 30, keepWindows: 2 })
    s.advanceTo(start + D)
    expect(s.recent.map((w) => w.index)).toEqual([s.log.index[2], s.log.index[3]])
    const kept = s.representative(s.log.index[3])
    expect(kept).toBe(s.recent[1].rep)
    const again = s.representative(s.log.index[0])
    const fresh = new MassDriverSwarm(params(), { days: 30 })
    fresh.advanceTo(start + 6 * H)
    expect(Array.from(again.samples.posKm)).toEqual(Array.from(fresh.recent[0].rep.samples.posKm))
  })

  it('respects its capacity, thinning with payloadsPerPoint to fit the horizon', () => {
    const s = new MassDriverSwarm(params(), { days: 30, capacity: 1000 })
    s.advanceTo(start + D)
    expect(s.points.count).toBeLessThanOrEqual(1000)
    // 100/h over 1 year of schedule (then the last value held) to the default 20-year horizon.
    expect(s.points.payloadsPerPoint).toBeGreaterThan(1)
    const helio = s.log.totalOf('heliocentric')
    expect(Math.abs((s.points.count + s.points.dropped) * s.points.payloadsPerPoint - helio)).toBeLessThanOrEqual(s.points.payloadsPerPoint)
    // Run past the horizon it was sized for (600 shots, 60 per point): the points beyond capacity are dropped.
    const full = new MassDriverSwarm(params(), { days: 30, capacity: 10, horizonEndMs: start + 6 * H })
    expect(full.points.payloadsPerPoint).toBe(60)
    full.advanceTo(start + D)
    expect(full.points.count).toBe(10)
    expect(full.points.count + full.points.dropped).toBe(Math.floor(full.log.totalOf('heliocentric') / 60))
  })

  it('draws at least one point per window while the launch rate is small against the horizon’s total (issue 10: exponential growth)', () => {
    // 100 shots/h now, then a rate 10⁴ times larger later in the 20-year horizon: by payload count alone
    // each point would stand for thousands of payloads and the first years would draw nothing.
    const endMs = start + 20 * 365.25 * D
    const launchedKgAt = (tMs: number) => 1000 * (100 * ((tMs - start) / H) + (tMs > start + 10 * 365.25 * D ? 1e6 * ((tMs - start - 10 * 365.25 * D) / H) : 0))
    const s = new MassDriverSwarm(params(), { days: 30, horizonEndMs: endMs, launchedKgAt })
    expect(s.points.payloadsPerPoint).toBeGreaterThan(1000)
    s.advanceTo(start + D)
    const helioWindows = s.recent.filter((w) => w.rep.outcome === 'heliocentric').length
    expect(helioWindows).toBeGreaterThan(0)
    expect(s.points.count).toBe(helioWindows)
  })
})
