/**
 * The worker's part of the constellation: builds satellites from the launch schedule ahead of the
 * requested time, posts each new batch once (transferred), answers picks with the CPU reference
 * orbits, and gives the snapshot its metrics and nearby launches.
 */
import { EARTH_RADIUS_KM } from '../sim/constants'
import {
  ConstellationBuilder,
  CONSTELLATION_EPOCH_MS,
  ELEMENT_STRIDE,
  buildForcedCount,
  constellationMetricsAt,
  constellationParams,
  countDeployedAt,
  positionEqjGpuLike,
  satelliteInfo,
  type PowerParams,
} from '../sim/constellation'
import { lastLaunchAtOrBefore } from '../sim/constellation/schedule'
import type { Scenario } from '../sim/scenario/schema'
import { yearStartMs } from '../sim/time'
import { vec3 } from '../sim/vec'
import type { ConstellationMetrics, LaunchEvent, Post, SatelliteInfo } from './protocol'

/** Satellites are generated this far ahead of the requested time, so the renderer (which may run
 * ahead of the last snapshot at high warp) always holds every satellite it should draw. */
const LOOKAHEAD_MS = 30 * 86400000
/** Launches reported around the requested time: the last day (pad glow, arcs, notices). */
const LAUNCH_WINDOW_MS = 86400000
const MAX_LAUNCHES_REPORTED = 32

export class ConstellationHost {
  private generation = 0
  private builder: ConstellationBuilder | null = null
  private scenario: Scenario | null = null
  private forced = false
  private elements = new Float32Array(0)
  private count = 0
  private endMs = 0
  private readonly p = vec3()

  constructor(private readonly post: Post) {}

  reset(scenario: Scenario, forcedSatellites?: number): void {
    this.scenario = scenario
    this.generation++
    const c = constellationParams(scenario)
    this.endMs = yearStartMs(scenario.horizon.endYear)
    this.builder = new ConstellationBuilder(scenario)
    const forced = forcedSatellites !== undefined && forcedSatellites > 0
    this.forced = forced
    const capacity = forced ? Math.floor(forcedSatellites) : c.maxSatellites
    this.elements = new Float32Array(capacity * ELEMENT_STRIDE)
    this.count = 0
    this.post({
      type: 'constellation-reset',
      generation: this.generation,
      capacity,
      epochMs: CONSTELLATION_EPOCH_MS,
      shells: this.builder.schedule.rates,
      siteLatLonDeg: c.sites.map((s) => [s.latDeg, s.lonDeg] as [number, number]),
    })
    this.postSeries(scenario)
    if (forced) {
      // The builder's schedule must reach the same satellites so picks can describe them.
      this.builder.schedule.extendToSatellites(capacity)
      const f = buildForcedCount(scenario, capacity)
      this.append(f.elements.subarray(0, f.count * ELEMENT_STRIDE))
    }
  }

  /** Monthly metrics across the horizon (~400 closed-form evaluations, a few ms). */
  private postSeries(scenario: Scenario): void {
    const start = yearStartMs(scenario.horizon.startYear)
    const months = (scenario.horizon.endYear - scenario.horizon.startYear) * 12
    const tMs = new Float64Array(months + 1)
    const satellites = new Float64Array(months + 1)
    const computeW = new Float64Array(months + 1)
    for (let m = 0; m <= months; m++) {
      const d = new Date(start)
      d.setUTCMonth(d.getUTCMonth() + m)
      tMs[m] = d.getTime()
      const r = constellationMetricsAt(scenario, tMs[m])
      satellites[m] = r.satellites
      computeW[m] = r.orbitalComputeW
    }
    this.post({ type: 'series', generation: this.generation, tMs, satellites, orbitalComputeW: computeW }, [tMs.buffer, satellites.buffer, computeW.buffer])
  }

  private append(batch: Float32Array): void {
    const n = batch.length / ELEMENT_STRIDE
    if (n === 0) return
    const room = this.elements.length / ELEMENT_STRIDE - this.count
    const take = Math.min(n, room)
    if (take <= 0) return
    const part = batch.slice(0, take * ELEMENT_STRIDE)
    this.elements.set(part, this.count * ELEMENT_STRIDE)
    const start = this.count
    this.count += take
    this.post({ type: 'satellites', generation: this.generation, start, elements: part }, [part.buffer])
  }

  /** Generates up to tMs + lookahead; returns the snapshot's constellation fields. */
  stepTo(tMs: number): { constellation: ConstellationMetrics; recentLaunches: LaunchEvent[]; generated: number } | null {
    if (!this.builder || !this.scenario) return null
    if (!this.forced) {
      const r = this.builder.advanceTo(Math.min(this.endMs, tMs + LOOKAHEAD_MS))
      if (r.count) this.append(r.elements)
    }
    const L = this.builder.schedule.launches
    const last = lastLaunchAtOrBefore(L, tMs, 'tMs')
    const recent: LaunchEvent[] = []
    for (let k = Math.max(0, last - MAX_LAUNCHES_REPORTED + 1); k <= last; k++) {
      const e = L[k]
      if (tMs - e.tMs <= LAUNCH_WINDOW_MS) recent.push({ index: e.index, tMs: e.tMs, siteIndex: e.siteIndex, shellIndex: e.shellIndex, satellites: e.satellites, massT: e.massT })
    }
    const m = constellationMetricsAt(this.scenario, tMs)
    if (this.forced) {
      // A forced count is shown whatever the date: report what is drawn.
      const c = this.scenario.constellation as unknown as PowerParams
      m.satellites = this.count
      m.orbitalComputeW = this.count * c.computePowerKw * 1e3
    }
    return { constellation: { ...m }, recentLaunches: recent, generated: this.count }
  }

  /** The deployed satellite nearest the ray within maxAngle, not hidden behind the Earth. */
  pick(tMs: number, o: [number, number, number], d: [number, number, number], maxAngle: number): SatelliteInfo | null {
    if (!this.builder || !this.scenario) return null
    const n = countDeployedAt(this.elements, this.count, tMs)
    const shells = this.builder.schedule.rates
    const dl = Math.hypot(d[0], d[1], d[2])
    const dx = d[0] / dl, dy = d[1] / dl, dz = d[2] / dl
    // Distance along the ray to the Earth's surface (Infinity if it misses).
    const b = o[0] * dx + o[1] * dy + o[2] * dz
    const c = o[0] * o[0] + o[1] * o[1] + o[2] * o[2] - EARTH_RADIUS_KM * EARTH_RADIUS_KM
    const disc = b * b - c
    const hitEarth = disc > 0 && -b - Math.sqrt(disc) > 0 ? -b - Math.sqrt(disc) : Infinity
    const cosMax = Math.cos(maxAngle)
    let best = -1, bestCos = cosMax
    const p = this.p
    for (let i = 0; i < n; i++) {
      positionEqjGpuLike(this.elements, i, shells, tMs, p)
      const rx = p.x - o[0], ry = p.y - o[1], rz = p.z - o[2]
      const along = rx * dx + ry * dy + rz * dz
      if (along <= 0 || along > hitEarth) continue
      const cos = along / Math.hypot(rx, ry, rz)
      if (cos > bestCos) {
        bestCos = cos
        best = i
      }
    }
    if (best < 0) return null
    const info = satelliteInfo(this.builder.schedule, this.scenario.constellation as unknown as PowerParams, this.elements, best, tMs)
    if (!info) return null
    return { ...info, index: best }
  }
}
