/**
 * The deterministic launch sequence of the constellation, without the per-satellite elements
 * (launches.ts adds those; metrics.ts reads the cumulative totals).
 *
 * - Cumulative flights N(Y) = ∫ cadence dY over fractional calendar years, from the cadence
 *   schedule's first point; launch k lifts off when N reaches k + 0.5 (evenly spaced in a year).
 * - Site: the one furthest behind its share (deterministic rotation; 50/50 alternates).
 * - Payload: the payload schedule at liftoff. Satellites = floor(payload × computeShare / mass).
 * - Shell: among shells below their target, the one with the largest deficit against its share
 *   of the satellites deployed so far; one launch fills one orbital plane of that shell, never
 *   beyond the shell's target or the constellation cap. At the cap (or with every shell full)
 *   the constellation is complete and launches stop.
 * - Deployment DEPLOY_DELAY_MS after liftoff. The deploy instant is snapped to the float32 day
 *   count stored in the elements, so countDeployedAt and the builder agree exactly.
 */
import { DEG, MS_PER_DAY } from '../constants'
import { sunGeocentricKm } from '../ephemeris'
import { mulberry32, hashSeed, type Rng } from '../rng'
import { scheduleAt, type SchedulePoint } from '../scenario/types'
import { fractionalYear, msFromFractionalYear } from '../time'
import { vec3, wrapTwoPi } from '../vec'
import { upperBoundBy } from '../search'
import { constellationSchema, type ConstellationParams } from './params'
import { CONSTELLATION_EPOCH_MS, TWO_PI, daysSinceEpoch, reducedAngle, secondsSinceEpoch, shellRates, type ShellRates } from './orbits'

/**
 * Liftoff to deployment on the shell: ~10 min ascent, a coast of about half an orbit to the
 * shell's altitude (≈ 50 min at 650 km, half of the 97.7-min period, SOURCES §1 [D]) and the
 * deployment sequence. Starlink deploys about an hour after liftoff; we round the whole to 2 h
 * (Terawatt model choice; orbit raising is not modelled: satellites appear on their shell).
 */
export const DEPLOY_DELAY_MS = 2 * 3600_000

export interface LaunchEvent {
  index: number
  /** Liftoff, UTC ms. */
  tMs: number
  /** Satellites appear on their shell, UTC ms. */
  deployMs: number
  siteIndex: number
  shellIndex: number
  satellites: number
  /** Satellite mass carried, t. */
  massT: number
  /** The plane's RAAN at the constellation epoch, rad. */
  planeRaan0: number
  /** Index of the launch's first satellite in the element array. */
  firstSatellite: number
}

let sunRaEpoch = NaN
/** Right ascension of the Sun at the constellation epoch (EQJ), rad: anchors SSO local times. */
export function sunRaAtEpoch(): number {
  if (Number.isNaN(sunRaEpoch)) {
    const s = sunGeocentricKm(CONSTELLATION_EPOCH_MS, vec3())
    sunRaEpoch = wrapTwoPi(Math.atan2(s.y, s.x))
  }
  return sunRaEpoch
}

const INV_PHI = (Math.sqrt(5) - 1) / 2

/** Cadence integration: fractional year at which cumulative flights reach m (monotone calls). */
class CadenceClock {
  private k = 0
  private cum = 0
  private readonly pts: SchedulePoint[]
  private readonly linear: boolean
  constructor(points: SchedulePoint[], linear: boolean) {
    this.pts = points
    this.linear = linear
  }
  private rate0(k: number) {
    return this.pts[k][1]
  }
  /** Flights in segment k (Infinity for the last, open-ended one unless its rate is 0). */
  private segFlights(k: number): number {
    const p = this.pts
    if (k >= p.length - 1) return p[k][1] > 0 ? Infinity : 0
    const dy = p[k + 1][0] - p[k][0]
    return this.linear ? 0.5 * (p[k][1] + p[k + 1][1]) * dy : p[k][1] * dy
  }
  yearOf(m: number): number {
    const p = this.pts
    if (p.length === 0) return Infinity
    while (this.cum + this.segFlights(this.k) <= m) {
      if (this.k >= p.length - 1) return Infinity
      this.cum += this.segFlights(this.k)
      this.k++
    }
    const d = m - this.cum
    const r = this.rate0(this.k)
    const last = this.k >= p.length - 1
    const s = this.linear && !last ? (p[this.k + 1][1] - r) / (p[this.k + 1][0] - p[this.k][0]) : 0
    // Solve r x + s x²/2 = d (stable form; s = 0 gives d / r).
    const x = (2 * d) / (r + Math.sqrt(Math.max(0, r * r + 2 * s * d)))
    return p[this.k][0] + x
  }
}

/** The launch sequence, generated lazily and append-only; launch k depends only on launches < k. */
export class LaunchSchedule {
  readonly params: ConstellationParams
  readonly rates: ShellRates[]
  readonly launches: LaunchEvent[] = []
  /** Cumulative satellites and mass after launch k (k = 0 … launches.length − 1). */
  readonly cumSatellites: number[] = []
  readonly cumMassT: number[] = []
  readonly shellCounts: number[]
  complete = false
  private readonly clock: CadenceClock
  private readonly siteCounts: number[]
  private readonly shellPlanes: number[]
  private readonly shellShare: number[]
  private readonly siteShare: number[]
  private readonly rng: Rng
  private total = 0
  private nextT: number

  constructor(p: ConstellationParams) {
    this.params = p
    this.rates = p.shells.map(shellRates)
    this.clock = new CadenceClock(p.launchCadence, constellationSchema.launchCadence.interpolation === 'linear')
    this.siteCounts = p.sites.map(() => 0)
    this.shellCounts = p.shells.map(() => 0)
    this.shellPlanes = p.shells.map(() => 0)
    const ss = p.shells.reduce((a, s) => a + s.sharePct, 0) || 1
    this.shellShare = p.shells.map((s) => s.sharePct / ss)
    const st = p.sites.reduce((a, s) => a + s.sharePct, 0) || 1
    this.siteShare = p.sites.map((s) => s.sharePct / st)
    this.rng = mulberry32(hashSeed('constellation', p.seed >>> 0))
    this.nextT = this.timeOf(0)
    if (!p.enabled || p.maxSatellites <= 0) this.complete = true
  }

  private timeOf(k: number): number {
    const y = this.clock.yearOf(k + 0.5)
    return Number.isFinite(y) ? Math.round(msFromFractionalYear(y)) : Infinity
  }

  /** Total satellites of all launches generated so far. */
  get satellitesGenerated(): number {
    return this.total
  }

  /** Generates every launch that lifts off at or before tMs. */
  extendTo(tMs: number): void {
    while (!this.complete && this.nextT <= tMs) this.step()
  }

  /** Generates launches until at least n satellites exist or the sequence ends (or yearLimit). */
  extendToSatellites(n: number, untilMs = Date.UTC(2300, 0, 1)): void {
    while (!this.complete && this.total < n && this.nextT <= untilMs) this.step()
  }

  private step(): void {
    const p = this.params
    const k = this.launches.length
    const tMs = this.nextT
    let site = 0
    let best = -Infinity
    for (let s = 0; s < this.siteCounts.length; s++) {
      const d = this.siteShare[s] * (k + 1) - this.siteCounts[s]
      if (d > best + 1e-12) {
        best = d
        site = s
      }
    }
    const payload = scheduleAt(p.payloadT, fractionalYear(tMs), constellationSchema.payloadT.interpolation)
    const perLaunch = Math.floor((payload * p.computeShare) / p.satelliteMassT + 1e-9)
    let shell = -1
    best = -Infinity
    for (let j = 0; j < this.shellCounts.length; j++) {
      if (this.shellShare[j] <= 0 || this.shellCounts[j] >= p.shells[j].targetCount) continue
      const d = this.shellShare[j] * (this.total + perLaunch) - this.shellCounts[j]
      if (d > best + 1e-9) {
        best = d
        shell = j
      }
    }
    if (shell < 0 || this.total >= p.maxSatellites) {
      this.complete = true
      return
    }
    const n = Math.max(0, Math.min(perLaunch, p.shells[shell].targetCount - this.shellCounts[shell], p.maxSatellites - this.total))
    const sh = p.shells[shell]
    const plane = this.shellPlanes[shell]++
    // Plane RAAN at the epoch: the shell's local-time anchor (ascending node at ltanHours local
    // solar time at the epoch) plus a low-discrepancy (golden-ratio) spread and seeded jitter.
    const g = (plane * INV_PHI + this.rng() * 1e-3) % 1
    const center = sunRaAtEpoch() + (sh.ltanHours - 12) * 15 * DEG
    const raan0 = wrapTwoPi(center + sh.raanSpreadDeg * DEG * (sh.raanSpreadDeg >= 360 ? g : g - 0.5))
    const deployDays = Math.fround(daysSinceEpoch(tMs + DEPLOY_DELAY_MS))
    const deployMs = CONSTELLATION_EPOCH_MS + deployDays * MS_PER_DAY
    this.siteCounts[site]++
    this.shellCounts[shell] += n
    this.total += n
    const massT = n * p.satelliteMassT
    const prevMass = k > 0 ? this.cumMassT[k - 1] : 0
    this.launches.push({ index: k, tMs, deployMs, siteIndex: site, shellIndex: shell, satellites: n, massT, planeRaan0: raan0, firstSatellite: this.total - n })
    this.cumSatellites.push(this.total)
    this.cumMassT.push(prevMass + massT)
    if (this.total >= p.maxSatellites) this.complete = true
    this.nextT = this.timeOf(k + 1)
  }

  /** Argument of latitude at the epoch of launch k's first satellite, rad (deterministic per k). */
  uPhase0(k: number): number {
    const L = this.launches[k]
    const phase = mulberry32(hashSeed('phase', (this.params.seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0))() * TWO_PI
    return wrapTwoPi(phase - reducedAngle(this.rates[L.shellIndex].uRate, secondsSinceEpoch(L.deployMs)))
  }
}

const liftoffMs = (l: LaunchEvent): number => l.tMs
const deployedMs = (l: LaunchEvent): number => l.deployMs

/** Index of the last launch with key(launch) ≤ tMs, or −1 (binary search; keys increase). */
export function lastLaunchAtOrBefore(launches: readonly LaunchEvent[], tMs: number, key: 'tMs' | 'deployMs'): number {
  return upperBoundBy(launches, tMs, key === 'tMs' ? liftoffMs : deployedMs) - 1
}

/**
 * The launches that lifted off in [tMs − windowMs, tMs], oldest first, at most `max` of the most
 * recent (ascent arcs, pad glow and notices around the requested time).
 */
export function recentLaunches(launches: readonly LaunchEvent[], tMs: number, windowMs: number, max: number): LaunchEvent[] {
  const last = lastLaunchAtOrBefore(launches, tMs, 'tMs')
  const out: LaunchEvent[] = []
  for (let k = Math.max(0, last - max + 1); k <= last; k++) if (tMs - launches[k].tMs <= windowMs) out.push(launches[k])
  return out
}
