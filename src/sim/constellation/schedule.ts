/**
 * The deterministic launch sequence of the constellation, without the per-satellite elements
 * (launches.ts adds those; metrics.ts reads the cumulative totals).
 *
 * - Flight slots: cumulative flights N(Y) = ∫ cadence dY over fractional calendar years, from the
 *   cadence schedule's first point; slot m lifts off when N reaches m + 0.5 (evenly spaced in a
 *   year). The cadence is the most that can fly; a slot flies only when satellites are needed.
 * - Life: every satellite deorbits `designLifeYears` after it reaches its shell (SOURCES §7), so
 *   satellites retire in launch order and whole launches retire together.
 * - Upgrades: when a newer generation flies, the oldest satellites of older generations retire
 *   early, at most at the fleet's turnover rate (the cap once per design life), as flights replace them.
 * - Need: satellites in orbit (and on their way) never exceed the cap (and each shell its
 *   target). A slot flies when a full flight's worth is missing at its deploy instant, or when
 *   something is missing and no retirement would complete a flight within MAX_WAIT_MS (the
 *   first fill up to the cap); otherwise the sequence skips to the first slot at which enough
 *   satellites will have retired. So after the cap, launches go on at the replacement rate,
 *   bounded by the cadence.
 * - Generation: the satellite mass and compute power of the launch year (`satelliteMassT`,
 *   `computePowerKw`, then each of `generations` from its year). Satellites per flight =
 *   floor(payload × computeShare / mass).
 * - Site: the one furthest behind its share (deterministic rotation; 50/50 alternates).
 * - Shell: among shells below their target, the one with the largest deficit against its share
 *   of the satellites in orbit; one launch fills one orbital plane of that shell.
 * - Deployment DEPLOY_DELAY_MS after liftoff. The deploy instant is snapped to the float32 day
 *   count stored in the elements, so countDeployedAt and the builder agree exactly.
 */
import { DEG, MS_PER_DAY, SECONDS_PER_YEAR } from '../constants'
import { sunGeocentricKm } from '../ephemeris'
import { mulberry32, hashSeed, type Rng } from '../rng'
import { scheduleAt, type SchedulePoint } from '../scenario/types'
import { vec3, wrapTwoPi } from '../vec'
import { upperBound, upperBoundBy } from '../search'
import { constellationSchema, type ConstellationParams } from './params'
import { CONSTELLATION_EPOCH_MS, TWO_PI, reducedAngle, secondsSinceEpoch, shellRates, type ShellRates } from './orbits'

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
  /** Generation of its satellites: 0 the first (`satelliteMassT`), k the k-th of `generations` by year. */
  generation: number
  /** Compute power of all its satellites, W. */
  computeW: number
  /**
   * Its satellites deorbit, UTC ms: deployMs + design life, or earlier when a newer generation
   * replaces them (set then; retirement times never decrease along the sequence).
   */
  retireMs: number
}

/** One generation of satellite: launched from `year` on. */
export interface Generation {
  year: number
  massT: number
  powerW: number
}

/** The scenario's generations, by year; the first (`satelliteMassT`, `computePowerKw`) from −∞. */
export function generationsOf(p: Pick<ConstellationParams, 'satelliteMassT' | 'computePowerKw' | 'generations'>): Generation[] {
  const later = (p.generations ?? []).map((g) => ({ year: g.year, massT: g.satelliteMassT, powerW: g.computePowerKw * 1e3 })).sort((a, b) => a.year - b.year)
  return [{ year: -Infinity, massT: p.satelliteMassT, powerW: p.computePowerKw * 1e3 }, ...later]
}

/** Index of the generation launched at fractional year y. */
export function generationIndexAt(gens: readonly Generation[], y: number): number {
  let g = 0
  while (g + 1 < gens.length && gens[g + 1].year <= y) g++
  return g
}

/** Design life, ms (Julian years of 365.25 days). */
export const designLifeMs = (p: Pick<ConstellationParams, 'designLifeYears'>): number => (p.designLifeYears ?? Infinity) * SECONDS_PER_YEAR * 1000

/**
 * Below a full flight's worth missing, a slot still flies unless retirements would free a full
 * flight within this time (Terawatt model choice: a month, so the first fill reaches the cap).
 */
export const MAX_WAIT_MS = 30 * MS_PER_DAY

// Imported constants and hot functions read once (a loader may turn each imported binding into a getter call).
const EPOCH_MS = CONSTELLATION_EPOCH_MS
const DAY_MS = MS_PER_DAY
const RAD_PER_DEG = DEG
const valueAt = scheduleAt
const wrapAngle = wrapTwoPi

/** Cumulative flights of a cadence schedule at fractional year y (the clock's inverse). */
export function flightsAtYear(pts: readonly SchedulePoint[], linear: boolean, y: number): number {
  if (pts.length === 0 || y <= pts[0][0]) return 0
  let n = 0
  for (let k = 0; k < pts.length; k++) {
    const y0 = pts[k][0]
    const r0 = pts[k][1]
    const last = k === pts.length - 1
    const y1 = last ? Infinity : pts[k + 1][0]
    const end = Math.min(y, y1)
    const dy = end - y0
    if (linear && !last) {
      const s = (pts[k + 1][1] - r0) / (y1 - y0)
      n += r0 * dy + 0.5 * s * dy * dy
    } else n += r0 * dy
    if (y <= y1) break
  }
  return n
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

// msFromFractionalYear / fractionalYear with a year's bounds cached (the same arithmetic, without a
// Date per call: the sequence asks for millions of instants in a few years at a time). Two caches:
// the launch in hand, and the instants it looks ahead to (retirements, the next generation).
interface YearCache {
  year: number
  a: number
  b: number
}
const NOW: YearCache = { year: Number.NaN, a: 0, b: 0 }
const AHEAD: YearCache = { year: Number.NaN, a: 0, b: 0 }
function yearBounds(c: YearCache, y: number): void {
  if (y !== c.year) {
    c.year = y
    c.a = Date.UTC(y, 0, 1)
    c.b = Date.UTC(y + 1, 0, 1)
  }
}
function msOfYear(year: number, c: YearCache = NOW): number {
  const y = Math.floor(year)
  yearBounds(c, y)
  return c.a + (year - y) * (c.b - c.a)
}
function yearOfMs(tMs: number, c: YearCache = NOW): number {
  if (!(tMs >= c.a && tMs < c.b)) {
    let y = Math.floor(1970 + tMs / 31_556_952_000) // mean Gregorian year, ms; then exact
    while (Date.UTC(y, 0, 1) > tMs) y--
    while (Date.UTC(y + 1, 0, 1) <= tMs) y++
    yearBounds(c, y)
  }
  return c.year + (tMs - c.a) / (c.b - c.a)
}

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
  /** Launches generated so far. */
  count = 0
  // The launches as parallel typed arrays (grown by doubling): millions of launches to 2200 would
  // cost far more as objects (memory, allocation, garbage collection). `launch(k)` makes one.
  /** Liftoff, deploy and retirement instants, UTC ms; the plane's RAAN at the epoch, rad. */
  tMsOf = new Float64Array(1024)
  deployMsOf = new Float64Array(1024)
  retireMsOf = new Float64Array(1024)
  raanOf = new Float64Array(1024)
  satellitesOf = new Uint32Array(1024)
  siteOf = new Uint8Array(1024)
  shellOf = new Uint8Array(1024)
  generationOf = new Uint8Array(1024)
  /** Cumulative satellites, mass (t) and compute power (W) after launch k (k = 0 … count − 1). */
  cumSatellites = new Float64Array(1024)
  cumMassT = new Float64Array(1024)
  cumComputeW = new Float64Array(1024)
  private objects: LaunchEvent[] = []
  private objectsValid = 0
  /** Satellites in orbit or on their way per shell, as of the last launch's deploy instant. */
  readonly shellCounts: number[]
  readonly generations: Generation[]
  /** Design life, ms. */
  readonly lifeMs: number
  /** The first deploy instant at which the satellites in orbit reached the cap (UTC ms), or null. */
  capReachedMs: number | null = null
  complete = false
  private readonly clock: CadenceClock
  private readonly cadenceLinear: boolean
  private readonly payloadInterpolation = constellationSchema.payloadT.interpolation
  private readonly sunRa = sunRaAtEpoch()
  private readonly siteCounts: number[]
  private readonly shellPlanes: number[]
  private readonly shellShare: number[]
  private readonly siteShare: number[]
  private readonly rng: Rng
  private total = 0
  /** Satellites launched and not retired (as of the last launch's deploy instant). */
  private alive = 0
  /** Launches before this index have retired (as of the last launch's deploy instant). */
  private retirePtr = 0
  private slot = 0
  /** Satellites that may still retire early for an upgrade, and when that was last counted. */
  private upgradeBudget = 0
  private budgetMs = -Infinity
  /** The fleet's turnover rate: the cap once per design life, satellites per ms. */
  private readonly turnoverPerMs: number
  private nextT: number

  constructor(p: ConstellationParams) {
    this.params = p
    this.rates = p.shells.map(shellRates)
    this.cadenceLinear = constellationSchema.launchCadence.interpolation === 'linear'
    this.clock = new CadenceClock(p.launchCadence, this.cadenceLinear)
    this.siteCounts = p.sites.map(() => 0)
    this.shellCounts = p.shells.map(() => 0)
    this.shellPlanes = p.shells.map(() => 0)
    this.generations = generationsOf(p)
    this.lifeMs = designLifeMs(p)
    this.turnoverPerMs = p.maxSatellites / this.lifeMs
    const ss = p.shells.reduce((a, s) => a + s.sharePct, 0) || 1
    this.shellShare = p.shells.map((s) => s.sharePct / ss)
    const st = p.sites.reduce((a, s) => a + s.sharePct, 0) || 1
    this.siteShare = p.sites.map((s) => s.sharePct / st)
    this.rng = mulberry32(hashSeed('constellation', p.seed >>> 0))
    this.nextT = this.timeOf(0)
    if (!p.enabled || p.maxSatellites <= 0) this.complete = true
  }

  private timeOf(m: number): number {
    const y = this.clock.yearOf(m + 0.5)
    return Number.isFinite(y) ? Math.round(msOfYear(y)) : Infinity
  }

  /** Total satellites of all launches generated so far (including those since retired). */
  get satellitesGenerated(): number {
    return this.total
  }

  /** Generates every launch that lifts off at or before tMs. */
  extendTo(tMs: number): void {
    if (this.complete || this.nextT > tMs) return
    // At most one launch per flight slot: size the arrays once for every slot up to tMs.
    if (Number.isFinite(tMs)) {
      const slots = flightsAtYear(this.params.launchCadence, this.cadenceLinear, yearOfMs(tMs, AHEAD)) - this.slot + 2
      if (this.count + slots > this.tMsOf.length) this.grow(Math.max(Math.ceil(this.count + slots), this.tMsOf.length * 2))
    }
    while (!this.complete && this.nextT <= tMs) this.step()
  }

  /**
   * Sizes the per-launch arrays once for every flight slot up to untilMs, so extending the sequence
   * there later never copies them (at horizon 2200 the doublings from 0.26 M to 2 M entries cost a
   * worker turn 30–80 ms each). The bound is the cadence's flights, one launch per slot at most.
   */
  reserve(untilMs: number): void {
    if (this.complete || !Number.isFinite(untilMs)) return
    const slots = Math.ceil(flightsAtYear(this.params.launchCadence, this.cadenceLinear, yearOfMs(untilMs, AHEAD)) - this.slot + 2)
    if (this.count + slots > this.tMsOf.length) this.grow(this.count + slots)
  }

  /** Generates launches until at least n satellites exist or the sequence ends (or yearLimit). */
  extendToSatellites(n: number, untilMs = Date.UTC(2300, 0, 1)): void {
    while (!this.complete && this.total < n && this.nextT <= untilMs) this.step()
  }

  /** Moves to the next flight slot (at least one on), at or after tMs if given. */
  private skipTo(tMs?: number): void {
    let m = this.slot + 1
    if (tMs !== undefined && Number.isFinite(tMs)) {
      const n = flightsAtYear(this.params.launchCadence, this.cadenceLinear, yearOfMs(tMs, AHEAD))
      m = Math.max(m, Math.ceil(n - 0.5))
    } else if (tMs !== undefined) {
      this.complete = true
      return
    }
    this.slot = m
    this.nextT = this.timeOf(m)
    if (!Number.isFinite(this.nextT)) this.complete = true
  }

  /** Satellites missing below the cap and the shells' targets (as of the last retirements). */
  private missing(): number {
    const p = this.params
    let room = 0
    for (let j = 0; j < this.shellCounts.length; j++) if (this.shellShare[j] > 0) room += Math.max(0, p.shells[j].targetCount - this.shellCounts[j])
    return Math.min(p.maxSatellites - this.alive, room)
  }

  private step(): void {
    const p = this.params
    const k = this.count
    const retireOf = this.retireMsOf
    const satsOf = this.satellitesOf
    const tMs = this.nextT
    const deployDays = Math.fround((tMs + DEPLOY_DELAY_MS - EPOCH_MS) / DAY_MS)
    const deployMs = EPOCH_MS + deployDays * DAY_MS
    // Retire every launch whose satellites are past their design life when this one deploys.
    while (this.retirePtr < k && retireOf[this.retirePtr] <= deployMs) {
      const r = this.retirePtr++
      this.alive -= satsOf[r]
      this.shellCounts[this.shellOf[r]] -= satsOf[r]
    }
    const year = yearOfMs(tMs)
    const gIndex = generationIndexAt(this.generations, year)
    const gen = this.generations[gIndex]
    const payload = valueAt(p.payloadT, year, this.payloadInterpolation)
    const perLaunch = Math.floor((payload * p.computeShare) / gen.massT + 1e-9)
    if (perLaunch <= 0) {
      this.skipTo()
      return
    }
    let missing = this.missing()
    // Upgrade: while less than a full flight is missing, the oldest satellites in orbit retire early
    // when a newer generation is flying, at most at the fleet's turnover rate (the cap once per
    // design life), so better hardware replaces older steadily and retirement ages stay spread.
    if (this.budgetMs > -Infinity)
      this.upgradeBudget = Math.min(this.upgradeBudget + this.turnoverPerMs * (deployMs - this.budgetMs), this.turnoverPerMs * MAX_WAIT_MS)
    this.budgetMs = deployMs
    while (missing < perLaunch && this.retirePtr < k && this.generationOf[this.retirePtr] < gIndex && this.upgradeBudget >= satsOf[this.retirePtr]) {
      const r = this.retirePtr++
      this.upgradeBudget -= satsOf[r]
      retireOf[r] = deployMs
      if (r < this.objectsValid) this.objectsValid = r
      this.alive -= satsOf[r]
      this.shellCounts[this.shellOf[r]] -= satsOf[r]
      missing = this.missing()
    }
    if (missing < perLaunch) {
      // Not a full flight missing: when would retirements free one?
      let need = perLaunch - Math.max(0, missing)
      let r = this.retirePtr
      while (r < k && need > 0) need -= satsOf[r++]
      const fullAt = need <= 0 ? retireOf[r - 1] - DEPLOY_DELAY_MS : Infinity
      // Something missing and no full flight freed soon: fly what is missing now (the first fill).
      const flyPartial = missing > 0 && fullAt - tMs > MAX_WAIT_MS
      if (!flyPartial) {
        if (r === this.retirePtr) {
          // Nothing in orbit will ever retire and nothing is missing: the sequence is over.
          this.complete = true
          return
        }
        // Skip to the slot where a full flight is missing, where the last pending retirement frees
        // room, or where the next generation starts flying (it replaces older satellites).
        const nextGen = gIndex + 1 < this.generations.length ? msOfYear(this.generations[gIndex + 1].year, AHEAD) : Infinity
        const oldest = this.retirePtr
        const upgradeAt =
          this.generationOf[oldest] < gIndex ? deployMs + Math.max(0, satsOf[oldest] - this.upgradeBudget) / this.turnoverPerMs - DEPLOY_DELAY_MS : Infinity
        this.skipTo(Math.min(retireOf[r - 1] - DEPLOY_DELAY_MS, nextGen, upgradeAt))
        return
      }
    }
    let site = 0
    let best = -Infinity
    for (let s = 0; s < this.siteCounts.length; s++) {
      const d = this.siteShare[s] * (k + 1) - this.siteCounts[s]
      if (d > best + 1e-12) {
        best = d
        site = s
      }
    }
    let shell = -1
    best = -Infinity
    for (let j = 0; j < this.shellCounts.length; j++) {
      if (this.shellShare[j] <= 0 || this.shellCounts[j] >= p.shells[j].targetCount) continue
      const d = this.shellShare[j] * (this.alive + perLaunch) - this.shellCounts[j]
      if (d > best + 1e-9) {
        best = d
        shell = j
      }
    }
    if (shell < 0) {
      this.skipTo()
      return
    }
    const n = Math.max(0, Math.min(perLaunch, p.shells[shell].targetCount - this.shellCounts[shell], missing))
    const sh = p.shells[shell]
    const plane = this.shellPlanes[shell]++
    // Plane RAAN at the epoch: the shell's local-time anchor (ascending node at ltanHours local
    // solar time at the epoch) plus a low-discrepancy (golden-ratio) spread and seeded jitter.
    const g = (plane * INV_PHI + this.rng() * 1e-3) % 1
    const center = this.sunRa + (sh.ltanHours - 12) * 15 * RAD_PER_DEG
    const raan0 = wrapAngle(center + sh.raanSpreadDeg * RAD_PER_DEG * (sh.raanSpreadDeg >= 360 ? g : g - 0.5))
    this.siteCounts[site]++
    this.shellCounts[shell] += n
    this.total += n
    this.alive += n
    const massT = n * gen.massT
    const computeW = n * gen.powerW
    if (k === this.tMsOf.length) this.grow()
    this.tMsOf[k] = tMs
    this.deployMsOf[k] = deployMs
    this.retireMsOf[k] = deployMs + this.lifeMs
    this.raanOf[k] = raan0
    this.satellitesOf[k] = n
    this.siteOf[k] = site
    this.shellOf[k] = shell
    this.generationOf[k] = gIndex
    this.cumSatellites[k] = this.total
    this.cumMassT[k] = (k > 0 ? this.cumMassT[k - 1] : 0) + massT
    this.cumComputeW[k] = (k > 0 ? this.cumComputeW[k - 1] : 0) + computeW
    this.count = k + 1
    if (this.capReachedMs === null && this.alive >= p.maxSatellites) this.capReachedMs = deployMs
    this.skipTo()
  }

  /** Grows every per-launch array to `size` (default: double). */
  private grow(size = this.tMsOf.length * 2): void {
    const n = Math.max(size, this.tMsOf.length + 1)
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n)
      b.set(a)
      return b
    }
    this.tMsOf = f64(this.tMsOf)
    this.deployMsOf = f64(this.deployMsOf)
    this.retireMsOf = f64(this.retireMsOf)
    this.raanOf = f64(this.raanOf)
    this.cumSatellites = f64(this.cumSatellites)
    this.cumMassT = f64(this.cumMassT)
    this.cumComputeW = f64(this.cumComputeW)
    const sats = new Uint32Array(n)
    sats.set(this.satellitesOf)
    this.satellitesOf = sats
    const u8 = (a: Uint8Array) => {
      const b = new Uint8Array(n)
      b.set(a)
      return b
    }
    this.siteOf = u8(this.siteOf)
    this.shellOf = u8(this.shellOf)
    this.generationOf = u8(this.generationOf)
  }

  /** Index of the first satellite of launch k. */
  firstSatelliteOf(k: number): number {
    return k > 0 ? this.cumSatellites[k - 1] : 0
  }

  /** Launch k as an object (a new one each call). */
  launch(k: number): LaunchEvent {
    const n = this.satellitesOf[k]
    const g = this.generations[this.generationOf[k]]
    return {
      index: k,
      tMs: this.tMsOf[k],
      deployMs: this.deployMsOf[k],
      siteIndex: this.siteOf[k],
      shellIndex: this.shellOf[k],
      satellites: n,
      massT: n * g.massT,
      planeRaan0: this.raanOf[k],
      firstSatellite: this.firstSatelliteOf(k),
      generation: this.generationOf[k],
      computeW: n * g.powerW,
      retireMs: this.retireMsOf[k],
    }
  }

  /** Launches [from, to) as objects. */
  launchRange(from: number, to: number): LaunchEvent[] {
    const out: LaunchEvent[] = []
    for (let k = Math.max(0, from); k < Math.min(to, this.count); k++) out.push(this.launch(k))
    return out
  }

  /** Every launch generated so far as objects (made on demand and kept until they change: tests, tools). */
  get launches(): LaunchEvent[] {
    if (this.objects.length !== this.count || this.objectsValid < this.count) {
      this.objects.length = this.objectsValid
      for (let k = this.objectsValid; k < this.count; k++) this.objects.push(this.launch(k))
      this.objectsValid = this.count
    }
    return this.objects
  }

  /** Index of the last launch whose liftoff, deploy or retirement instant is ≤ tMs, or −1 (binary search). */
  lastAtOrBefore(tMs: number, key: 'tMs' | 'deployMs' | 'retireMs'): number {
    const a = key === 'tMs' ? this.tMsOf : key === 'deployMs' ? this.deployMsOf : this.retireMsOf
    return upperBound(a, tMs, this.count) - 1
  }

  /** Index of the launch that carried satellite i (the last one if i is past every satellite). */
  launchOfSatellite(i: number): number {
    return Math.min(upperBound(this.cumSatellites, i, this.count), this.count - 1)
  }

  /**
   * The launches that lifted off in [tMs − windowMs, tMs], oldest first, at most `max` of the most
   * recent (ascent arcs, pad glow and notices around the requested time).
   */
  recent(tMs: number, windowMs: number, max: number): LaunchEvent[] {
    const last = this.lastAtOrBefore(tMs, 'tMs')
    const out: LaunchEvent[] = []
    for (let k = Math.max(0, last - max + 1); k <= last; k++) if (tMs - this.tMsOf[k] <= windowMs) out.push(this.launch(k))
    return out
  }

  /** Argument of latitude at the epoch of launch k's first satellite, rad (deterministic per k). */
  uPhase0(k: number): number {
    const phase = mulberry32(hashSeed('phase', (this.params.seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0))() * TWO_PI
    return wrapTwoPi(phase - reducedAngle(this.rates[this.shellOf[k]].uRate, secondsSinceEpoch(this.deployMsOf[k])))
  }
}

const liftoffMs = (l: LaunchEvent): number => l.tMs
const deployedMs = (l: LaunchEvent): number => l.deployMs
const retiredMs = (l: LaunchEvent): number => l.retireMs

/** Index of the last launch with key(launch) ≤ tMs, or −1 (binary search; keys never decrease). */
export function lastLaunchAtOrBefore(launches: readonly LaunchEvent[], tMs: number, key: 'tMs' | 'deployMs' | 'retireMs'): number {
  return upperBoundBy(launches, tMs, key === 'tMs' ? liftoffMs : key === 'deployMs' ? deployedMs : retiredMs) - 1
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
