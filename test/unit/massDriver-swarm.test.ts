import { describe, expect, it } from 'vitest'
import { simulateShot } from '../../src/sim/massDriver/shot'
import { MassDriverSwarm, interpolateSamples, reusedPositionKm } from '../../src/sim/massDriver/swarm'
import { defaultMassDriverParams, type MassDriverParams } from '../../src/sim/massDriver/params'
import { meanMotion } from '../../src/sim/kepler'
import { AU_KM, SUN_GM_KM3_S2 } from '../../src/sim/constants'
import { vec3 } from '../../src/sim/vec'

const T0 = Date.UTC(2035, 0, 1)
const H = 3600e3, D = 86400e3

describe('representative trajectories per 6 h window', () => {
  it('reusing the window-centre trajectory for a shot 3 h away: measured error', () => {
    const p = { exitSpeedMs: 2500, azimuthDeg: 90, elevationDeg: 0 }
    const rep = simulateShot(T0, p)
    const rows: string[] = []
    for (const dh of [-3, 3]) {
      const shotMs = T0 + dh * H
      const truth = simulateShot(shotMs, p)
      const err = (days: number, mode: 'shift' | 'rotate') => {
        const a = vec3(), b = vec3()
        interpolateSamples(truth, shotMs + days * D, a)
        reusedPositionKm(rep, shotMs, shotMs + days * D, b, mode)
        return { e: Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z), r: Math.hypot(a.x, a.y, a.z) }
      }
      for (const days of [0.01, 1, 10, 30]) {
        const rot = err(days, 'rotate'), sh = err(days, 'shift')
        rows.push(`Δt ${dh} h, ${days} d: rotate ${rot.e.toFixed(0)} km, shift ${sh.e.toFixed(0)} km (r ${rot.r.toExponential(2)} km)`)
        expect(rot.e).toBeLessThan(sh.e)
        if (days <= 0.01) expect(rot.e).toBeLessThan(20) // near the Moon: pinned to the true Moon
        else if (days <= 1) expect(rot.e).toBeLessThan(1500)
        else expect(rot.e / rot.r).toBeLessThan(0.01)
      }
    }
    console.log(rows.join('\n'))
  })
})

describe('MassDriverSwarm', () => {
  const params = (): MassDriverParams => ({ ...defaultMassDriverParams(), shotsPerHour: [[2040, 100], [2041, 100]] })
  const start = Date.UTC(2040, 0, 1)

  it('counts shots, mass and deep-space compute; stores elements for heliocentric payloads', () => {
    const s = new MassDriverSwarm(params(), { days: 60 })
    s.advanceTo(start + 2 * D)
    expect(s.cumulativeShots).toBe(4800) // 100/h × 48 h
    expect(s.recent.length).toBe(8) // 6 h windows
    expect(s.massLaunchedKg).toBe(4800 * 1000)
    expect(s.deepSpaceComputeW).toBe(s.deepSpacePayloads * 1 * 100e3) // 1 t × 100 kW/t (FACTS §1)
    expect(s.storedPayloads).toBe(s.heliocentricPayloads)
    expect(s.heliocentricPayloads).toBeGreaterThan(0)
    for (let k = 0; k < s.storedPayloads; k++) {
      const a = s.elements[6 * k]
      expect(a).toBeGreaterThan(0.8)
      expect(a).toBeLessThan(1.3)
    }
    // Shots in one window share the orbit, delayed: M0 steps by n · Δt.
    const w = s.recent.find((x) => x.rep.outcome === 'heliocentric')!
    const idx = s.recent.filter((x) => x.rep.outcome === 'heliocentric').indexOf(w) * w.shots
    const n = meanMotion(s.elements[6 * idx] * AU_KM, SUN_GM_KM3_S2)
    const dM = s.elements[6 * idx + 5] - s.elements[6 * (idx + 1) + 5]
    expect(dM).toBeCloseTo((n * (6 * 3600)) / w.shots, 6)
  })

  it('is deterministic and independent of how time is advanced', () => {
    const a = new MassDriverSwarm(params(), { days: 30 })
    a.advanceTo(start + D)
    const b = new MassDriverSwarm(params(), { days: 30 })
    for (let h = 1; h <= 24; h++) b.advanceTo(start + h * H)
    expect(b.cumulativeShots).toBe(a.cumulativeShots)
    expect(Array.from(b.elements.subarray(0, 6 * b.storedPayloads))).toEqual(Array.from(a.elements.subarray(0, 6 * a.storedPayloads)))
  })

  it('grows its element buffer past 16,384 payloads, keeping what it stored', () => {
    const s = new MassDriverSwarm({ ...params(), shotsPerHour: [[2040, 1000], [2041, 1000]] }, { days: 30 })
    s.advanceTo(start + 6 * H)
    const first = Array.from(s.storedElements())
    s.advanceTo(start + D)
    expect(s.cumulativeShots).toBe(24000)
    expect(s.storedPayloads).toBe(s.heliocentricPayloads)
    expect(s.storedPayloads).toBeGreaterThan(1 << 14) // every window escapes at 2.5 km/s, 47° (Jan 2040)
    expect(s.elements.length).toBeGreaterThanOrEqual(6 * s.storedPayloads)
    expect(Array.from(s.storedElements().subarray(0, first.length))).toEqual(first)
  })

  it('respects its capacity', () => {
    const s = new MassDriverSwarm(params(), { days: 30, capacity: 1000 })
    s.advanceTo(start + D)
    expect(s.storedPayloads).toBeLessThanOrEqual(1000)
    expect(s.storedPayloads + s.droppedPayloads).toBe(s.heliocentricPayloads)
  })
})
