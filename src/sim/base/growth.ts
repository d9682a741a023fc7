/**
 * The growth model of Moon Base Alpha: cargo landings → delivered mass → solar power, people,
 * factories that build factories → satellites made from regolith → what the mass driver throws.
 * Deterministic, and bounded by physics at every horizon the schema accepts.
 *
 * Integration: fixed steps of 1/48 year from the first landing (GROWTH_STEP_YEARS), exact for
 * the landing schedule; the steps are cached per scenario `base` object, so baseStateAt is one
 * lookup plus one partial step. Per step:
 *   landings L(Y) = ⌊∫ rate dY⌋; delivered = L × payload; people = crew × (L(Y) − L(Y − tour)).
 *   Arrays (delivered × powerShare + self-built) have a nameplate of kg × W/kg, i.e. an area at
 *   ARRAY_PEAK_W_PER_M2. The first siteArrayAreaKm2 stand on the ridge (lit illuminationFraction
 *   of the time); the rest elsewhere on the Moon (lit elsewhereIlluminationFraction), up to the
 *   Moon's whole surface: the mean power never exceeds the sunlight the Moon intercepts,
 *   πR²·S ≈ 1.29e16 W (SOURCES §7).
 *   Life support first; the mass driver gets what its rate needs, up to (100 − factoryShare) % of
 *   the rest; the factories the remainder. Factory output kg/yr = min(factory mass × productivity,
 *   factory W × 8,766 h / 1000 / (kWh/kg)). Factories build factories: while power would run more,
 *   their mass doubles every factoryDoublingYears (the new mass comes out of their output).
 *   selfBuildShare of the output becomes arrays; the rest is satellites. Regolith mined =
 *   output ÷ UNIT.regolithYield, so mass thrown ≤ satellites made ≤ yield × regolith mined.
 *   The mass driver (from its year) launches from the store at min(planned shots/h × payload,
 *   tracks × payload ÷ time on the track, P·η / (½v²)).
 * Structure counts follow peaks (structures are never removed), so they only grow.
 */
import { G0_M_S2, MOON_RADIUS_KM, SECONDS_PER_YEAR, SOLAR_CONSTANT_W_M2 } from '../constants'
import type { Scenario } from '../scenario/schema'
import { scheduleAt, type SchedulePoint } from '../scenario/types'
import { fractionalYear, msFromFractionalYear } from '../time'
import { SP413_DRIVER, trackLengthM, type BaseParams } from './params'

export const GROWTH_STEP_YEARS = 1 / 48
const HOURS_PER_YEAR = SECONDS_PER_YEAR / 3600 // Julian year, 8,766 h

/** What one drawn structure stands for (model choices; describe.ts cites them). */
export const UNIT = {
  /** One solar tower: a 50 m × 100 m vertical array at ~400 W/m² (1,360.8 W/m² × ~30 %, SOURCES §1). */
  solarTowerW: 2e6,
  /** One habitat holds 12 people (ISS: 916 m³ pressurised for 7 crew, NASA). */
  habitatPeople: 12,
  /** One radiator field rejects 20 MW (~80,000 m² at ~250 W/m² net, cf. SOURCES §1 633 W/m² in orbit). */
  radiatorW: 20e6,
  /** One factory draws 50 MW. */
  factoryW: 50e6,
  /** One mining rig digs 50,000 t of regolith a year (≈ 6 t/h around the clock). */
  miningRigTPerYear: 50_000,
  /** Satellite mass per regolith mass mined (Si 21 %, Al 14 % by mass, SOURCES §3): 0.2. */
  regolithYield: 0.2,
  /** A factory makes its own mass in a year: NASA CP-2255's 100 t lunar seed replicates in ~1 yr (SOURCES §7) [E]. */
  factoryKgPerKgYear: 1,
  /** One storage yard holds 20,000 t. */
  storageT: 20_000,
  /** One landing pad serves 25 landings a year (≈ two weeks of turnaround each). */
  padLandingsPerYear: 25,
} as const

/** Nameplate power of one m² of array in full sun: 1,360.8 W/m² × 30 % (SOURCES §1), W/m². */
export const ARRAY_PEAK_W_PER_M2 = SOLAR_CONSTANT_W_M2 * 0.3
/** The Moon's surface, m²: 4πR² = 3.79e7 km² (SOURCES §3, §7). */
export const MOON_SURFACE_M2 = 4 * Math.PI * (MOON_RADIUS_KM * 1000) ** 2
/** Sunlight the Moon intercepts, πR²·S ≈ 1.29e16 W (SOURCES §7): no lunar power can exceed it. */
export const MOON_SUNLIGHT_W = Math.PI * (MOON_RADIUS_KM * 1000) ** 2 * SOLAR_CONSTANT_W_M2

/**
 * What limits the base's throw (or growth) at an instant: 'landings' before the first landing;
 * 'noDriver' before the mass driver runs; the driver's own limits 'shotRate' (the planned rate),
 * 'track' (one payload on each track at a time), 'driverPower' (the power it is given); else what
 * limits the satellites made: 'factories' (factory mass), 'power' (arrays at the site),
 * 'sunlitArea' (the site is full, arrays grow elsewhere at lower illumination), 'moonSunlight'
 * (the whole Moon is covered).
 */
export type BaseLimit = 'landings' | 'noDriver' | 'shotRate' | 'track' | 'driverPower' | 'factories' | 'power' | 'sunlitArea' | 'moonSunlight'

export const STRUCTURE_KINDS = ['landingPad', 'habitat', 'solarTower', 'radiator', 'miningRig', 'factory', 'storage', 'massDriver'] as const
export type StructureKind = (typeof STRUCTURE_KINDS)[number]
export type StructureCounts = Record<StructureKind, number>

export interface BaseState {
  tMs: number
  cargoLandings: number
  tankerFlights: number
  deliveredT: number
  population: number
  solarPeakW: number
  solarAverageW: number
  powerUsedW: number
  lifeSupportW: number
  factoryPowerW: number
  massDriverPowerW: number
  factoryOutputTPerYear: number
  selfBuiltArraysT: number
  satellitesMadeT: number
  satellitesMadeCount: number
  satellitesLaunchedT: number
  storedT: number
  massDriverBuilt: boolean
  massDriverCapacityTPerYear: number
  massDriverTrackLengthM: number
  /** Factory mass standing (delivered kit + built on site), t. */
  factoryMassT: number
  /** Output the factories could make with unlimited power, t/yr. */
  factoryCapacityTPerYear: number
  /** Regolith mined so far, t. */
  regolithMinedT: number
  /** Array area at the site and elsewhere on the Moon, m². */
  siteArrayAreaM2: number
  elsewhereArrayAreaM2: number
  /** The limit that binds now (see BaseLimit). */
  bindingLimit: BaseLimit
  structures: StructureCounts
}

/**
 * The scenario groups the base model reads: its own, and (when present) the mass driver's
 * figures (src/sim/massDriver/params.ts) and the satellite mass; without them it uses SP-413.
 */
export type BaseScenario = Pick<Scenario, 'base'> & Partial<Pick<Scenario, 'massDriver' | 'constellation'>>

/** The mass driver as the base sees it: from the massDriver group, else SP-413 (params.ts). */
export interface DriverSpec {
  exitSpeedMs: number
  accelerationG: number
  efficiency: number
  azimuthDeg: number
  /** Throughput limit by the planned launch rate at a fractional year, kg/s. */
  rateKgS: (year: number) => number
  /** Throughput limit of the tracks at a fractional year (one payload per track at a time), kg/s. */
  trackKgS: (year: number) => number
}

const driverCache = new WeakMap<object, DriverSpec>()
const SP413_SPEC: DriverSpec = { ...SP413_DRIVER, rateKgS: () => SP413_DRIVER.rateKgS, trackKgS: () => Infinity }

export function driverSpec(scenario: BaseScenario): DriverSpec {
  const m = scenario.massDriver
  if (!m) return SP413_SPEC
  let d = driverCache.get(m)
  if (!d) {
    d = {
      exitSpeedMs: m.exitSpeedMs,
      accelerationG: m.accelerationG,
      efficiency: m.efficiency,
      azimuthDeg: m.azimuthDeg,
      rateKgS: (year) => (scheduleAt(m.shotsPerHour, year, 'linear') * m.payloadKg) / 3600,
      trackKgS: (year) => (scheduleAt(m.tracks ?? [[0, 1]], year, 'step') * m.payloadKg) / (m.exitSpeedMs / (m.accelerationG * G0_M_S2)),
    }
    driverCache.set(m, d)
  }
  return d
}

/** The integrator's state at a step boundary (kg, W, peaks). */
interface Acc {
  year: number
  selfKg: number
  /** Factory mass built on site, kg. */
  factoryKg: number
  minedKg: number
  madeKg: number
  launchedKg: number
  peakRate: number
  peakPop: number
  peakW: number
  peakUsedW: number
  peakFactoryW: number
  peakRegolithT: number
  peakStoredT: number
  /** The flows at this boundary (computed by the step that ended here; reused by the next). */
  flows?: Flows
}

/** ∫ schedule dY from a to b (exact for step and linear schedules, clamped at the ends). */
export function integrateSchedule(points: readonly SchedulePoint[], interp: 'linear' | 'step', a: number, b: number): number {
  if (b <= a || points.length === 0) return 0
  const knots = [a, ...points.map((p) => p[0]).filter((y) => y > a && y < b), b]
  let sum = 0
  for (let i = 1; i < knots.length; i++) {
    const y0 = knots[i - 1],
      y1 = knots[i]
    const v = interp === 'step' ? scheduleAt(points, y0, 'step') : 0.5 * (scheduleAt(points, y0, 'linear') + scheduleAt(points, y1, 'linear'))
    sum += v * (y1 - y0)
  }
  return sum
}

/** Cumulative landings at each knot of the (step) landing schedule from the first landing, cached per schedule array. */
const landingKnots = new WeakMap<object, { first: number; years: number[]; cum: number[]; rates: number[] }>()

function landingsBy(p: BaseParams, year: number): number {
  let k = landingKnots.get(p.cargoLandings)
  if (!k || k.first !== p.firstLandingYear) {
    const years = [p.firstLandingYear, ...p.cargoLandings.map((q) => q[0]).filter((y) => y > p.firstLandingYear)]
    const cum = years.map((y) => integrateSchedule(p.cargoLandings, 'step', p.firstLandingYear, y))
    const rates = years.map((y) => scheduleAt(p.cargoLandings, y, 'step'))
    k = { first: p.firstLandingYear, years, cum, rates }
    landingKnots.set(p.cargoLandings, k)
  }
  if (year <= k.first) return 0
  let i = k.years.length - 1
  while (i > 0 && k.years[i] > year) i--
  return Math.floor(k.cum[i] + k.rates[i] * (year - k.years[i]) + 1e-9)
}

interface Flows {
  landings: number
  population: number
  peakW: number
  avgW: number
  siteM2: number
  elsewhereM2: number
  lifeW: number
  factoryW: number
  factoryKg: number
  capacityKgPerYr: number
  powerLimitedKgPerYr: number
  driverCapKgS: number
  driverAvailW: number
  outputKgPerYr: number
  limit: BaseLimit
}

function flows(p: BaseParams, md: DriverSpec, year: number, selfKg: number, builtFactoryKg: number): Flows {
  const landings = landingsBy(p, year)
  const population = p.crewPerLanding * (landings - landingsBy(p, year - p.crewTourYears))
  const deliveredKg = landings * p.payloadPerLandingT * 1000
  // Arrays: nameplate → area; the site first, then elsewhere, never more than the Moon's surface.
  const areaM2 = ((deliveredKg * (p.powerMassSharePct / 100) + selfKg) * p.solarSpecificPowerWPerKg) / ARRAY_PEAK_W_PER_M2
  const siteMaxM2 = p.siteArrayAreaKm2 * 1e6
  const siteM2 = Math.min(areaM2, siteMaxM2)
  const elsewhereMaxM2 = MOON_SURFACE_M2 - siteMaxM2
  const elsewhereM2 = Math.min(Math.max(0, areaM2 - siteMaxM2), elsewhereMaxM2)
  const peakW = (siteM2 + elsewhereM2) * ARRAY_PEAK_W_PER_M2
  const avgW = ARRAY_PEAK_W_PER_M2 * (siteM2 * p.illuminationFraction + elsewhereM2 * p.elsewhereIlluminationFraction)
  const lifeW = Math.min(avgW, population * p.lifeSupportKwPerPerson * 1000)
  const spare = avgW - lifeW
  const v = md.exitSpeedMs
  const kePerKg = 0.5 * v * v
  const driverOn = year >= p.massDriverYear && landings > 0
  const planKgS = driverOn ? md.rateKgS(year) : 0
  const trackKgS = driverOn ? md.trackKgS(year) : 0
  const wantKgS = Math.min(planKgS, trackKgS)
  const driverAvailW = driverOn ? Math.min((wantKgS * kePerKg) / md.efficiency, spare * (1 - p.factoryPowerSharePct / 100)) : 0
  const driverCapKgS = driverAvailW > 0 ? Math.max(0, Math.min(wantKgS, (driverAvailW * md.efficiency) / kePerKg)) : 0
  const factoryKg = deliveredKg * (p.factoryMassSharePct / 100) + builtFactoryKg
  const capacityKgPerYr = factoryKg * UNIT.factoryKgPerKgYear
  const kgPerW = HOURS_PER_YEAR / 1000 / p.energyPerKgKWh
  const powerLimitedKgPerYr = (spare - driverAvailW) * kgPerW
  const outputKgPerYr = Math.min(capacityKgPerYr, powerLimitedKgPerYr)
  const factoryW = outputKgPerYr / kgPerW
  const satKgPerYr = outputKgPerYr * (1 - p.selfBuildSharePct / 100)
  let limit: BaseLimit
  if (landings <= 0) limit = 'landings'
  else if (!driverOn) limit = 'noDriver'
  else if (driverCapKgS * SECONDS_PER_YEAR < satKgPerYr) {
    // The store fills faster than the driver empties it: the driver's own limit binds.
    limit = driverCapKgS >= wantKgS * (1 - 1e-12) ? (planKgS <= trackKgS ? 'shotRate' : 'track') : 'driverPower'
  } else if (capacityKgPerYr * 2 ** (GROWTH_STEP_YEARS / p.factoryDoublingYears) < powerLimitedKgPerYr) limit = 'factories'
  else if (elsewhereM2 >= elsewhereMaxM2) limit = 'moonSunlight'
  else if (siteM2 >= siteMaxM2) limit = 'sunlitArea'
  else limit = 'power'
  return {
    landings,
    population,
    peakW,
    avgW,
    siteM2,
    elsewhereM2,
    lifeW,
    factoryW,
    factoryKg,
    capacityKgPerYr,
    powerLimitedKgPerYr,
    driverCapKgS,
    driverAvailW,
    outputKgPerYr,
    limit,
  }
}

function step(p: BaseParams, md: DriverSpec, a: Acc, dy: number, out: Acc): Acc {
  const f = a.flows ?? flows(p, md, a.year, a.selfKg, a.factoryKg)
  const made = f.outputKgPerYr * dy
  const self = made * (p.selfBuildSharePct / 100)
  // Factories build factories while power would run more of them: doubling every T_d, the new
  // factories' mass taken from the output, never past what the power can run.
  let grow = 0
  if (f.capacityKgPerYr < f.powerLimitedKgPerYr && f.factoryKg > 0) {
    const want = f.factoryKg * (2 ** (dy / p.factoryDoublingYears) - 1)
    const room = (f.powerLimitedKgPerYr - f.capacityKgPerYr) / UNIT.factoryKgPerKgYear
    grow = Math.max(0, Math.min(want, room, made - self))
  }
  const sat = made - self - grow
  const stored = a.madeKg - a.launchedKg + sat
  const launch = Math.min(stored, f.driverCapKgS * SECONDS_PER_YEAR * dy)
  out.year = a.year + dy
  out.selfKg = a.selfKg + self
  out.factoryKg = a.factoryKg + grow
  out.minedKg = a.minedKg + made / UNIT.regolithYield
  out.madeKg = a.madeKg + sat
  out.launchedKg = a.launchedKg + launch
  const g = flows(p, md, out.year, out.selfKg, out.factoryKg)
  const rate = scheduleAt(p.cargoLandings, out.year - 1e-9, 'step')
  out.peakRate = Math.max(a.peakRate, g.landings > 0 ? rate : 0)
  out.peakPop = Math.max(a.peakPop, g.population)
  out.peakW = Math.max(a.peakW, g.peakW)
  out.peakFactoryW = Math.max(a.peakFactoryW, g.factoryW)
  out.peakUsedW = Math.max(a.peakUsedW, g.lifeW + g.factoryW + (g.driverCapKgS * 0.5 * md.exitSpeedMs ** 2) / md.efficiency)
  out.peakRegolithT = Math.max(a.peakRegolithT, g.outputKgPerYr / 1000 / UNIT.regolithYield)
  out.peakStoredT = Math.max(a.peakStoredT, (out.madeKg - out.launchedKg) / 1000)
  out.flows = g
  return out
}

const zeroAcc = (year: number): Acc => ({
  year,
  selfKg: 0,
  factoryKg: 0,
  minedKg: 0,
  madeKg: 0,
  launchedKg: 0,
  peakRate: 0,
  peakPop: 0,
  peakW: 0,
  peakUsedW: 0,
  peakFactoryW: 0,
  peakRegolithT: 0,
  peakStoredT: 0,
})

/** Cached step boundaries per (base params object, driver spec); scenarios are immutable values. */
const timelines = new WeakMap<object, WeakMap<DriverSpec, Acc[]>>()

/** The cached step boundaries up to (at least) `year`. */
function timeline(p: BaseParams, md: DriverSpec, year: number): Acc[] {
  let byDriver = timelines.get(p)
  if (!byDriver) timelines.set(p, (byDriver = new WeakMap()))
  let acc = byDriver.get(md)
  if (!acc) byDriver.set(md, (acc = [zeroAcc(p.firstLandingYear)]))
  while (acc[acc.length - 1].year < year) {
    const k = acc.length
    const next = step(p, md, acc[k - 1], GROWTH_STEP_YEARS, zeroAcc(0))
    next.year = p.firstLandingYear + k * GROWTH_STEP_YEARS // no drift
    acc.push(next)
  }
  return acc
}

/** Whole structures needed for x units (a hair of tolerance against float noise; never −0). */
const need = (x: number): number => (x <= 1e-9 ? 0 : Math.ceil(x - 1e-9))

function countsFrom(p: BaseParams, a: Acc, landings: number, year: number): StructureCounts {
  const any = landings > 0
  return {
    landingPad: any ? Math.max(1, need(a.peakRate / UNIT.padLandingsPerYear)) : 0,
    habitat: any ? Math.max(1, need(a.peakPop / UNIT.habitatPeople)) : 0,
    // Towers at the site (the first siteArrayAreaKm2 of arrays); those elsewhere on the Moon are not structures of the base.
    solarTower: need(Math.min(a.peakW, p.siteArrayAreaKm2 * 1e6 * ARRAY_PEAK_W_PER_M2) / UNIT.solarTowerW),
    radiator: need(a.peakUsedW / UNIT.radiatorW),
    miningRig: need(a.peakRegolithT / UNIT.miningRigTPerYear),
    factory: need(a.peakFactoryW / UNIT.factoryW),
    storage: any ? Math.max(1, need(a.peakStoredT / UNIT.storageT)) : 0,
    massDriver: any && year >= p.massDriverYear ? 1 : 0,
  }
}

/** The base at tMs (UTC ms). Cheap after the first call for a scenario (cached steps). */
export function baseStateAt(scenario: BaseScenario, tMs: number): BaseState {
  const p = scenario.base
  const md = driverSpec(scenario)
  const year = fractionalYear(tMs)
  const y = Math.max(year, p.firstLandingYear)
  const tl = timeline(p, md, y)
  const k = Math.min(tl.length - 1, Math.max(0, Math.floor((y - p.firstLandingYear) / GROWTH_STEP_YEARS + 1e-9)))
  const a = y > tl[k].year ? step(p, md, tl[k], y - tl[k].year, zeroAcc(0)) : tl[k]
  const f = flows(p, md, y, a.selfKg, a.factoryKg)
  const satMassT = scenario.constellation?.satelliteMassT ?? 1
  const storedKg = Math.max(0, a.madeKg - a.launchedKg)
  // Launch rate now: the full capacity while satellites wait in storage, else the output rate.
  const launchKgS = storedKg > 0 ? f.driverCapKgS : Math.min(f.driverCapKgS, ((1 - p.selfBuildSharePct / 100) * f.outputKgPerYr) / SECONDS_PER_YEAR)
  const driverW = (launchKgS * 0.5 * md.exitSpeedMs ** 2) / md.efficiency
  const before = year < p.firstLandingYear
  return {
    tMs,
    cargoLandings: f.landings,
    tankerFlights: f.landings * p.tankerFlightsPerLanding,
    deliveredT: f.landings * p.payloadPerLandingT,
    population: f.population,
    solarPeakW: f.peakW,
    solarAverageW: f.avgW,
    powerUsedW: f.lifeW + f.factoryW + Math.min(driverW, f.driverAvailW),
    lifeSupportW: f.lifeW,
    factoryPowerW: f.factoryW,
    massDriverPowerW: Math.min(driverW, f.driverAvailW),
    factoryOutputTPerYear: f.outputKgPerYr / 1000,
    selfBuiltArraysT: a.selfKg / 1000,
    satellitesMadeT: a.madeKg / 1000,
    satellitesMadeCount: Math.floor(a.madeKg / 1000 / satMassT + 1e-9),
    satellitesLaunchedT: a.launchedKg / 1000,
    storedT: storedKg / 1000,
    massDriverBuilt: !before && f.landings > 0 && year >= p.massDriverYear,
    massDriverCapacityTPerYear: (f.driverCapKgS * SECONDS_PER_YEAR) / 1000,
    massDriverTrackLengthM: trackLengthM(md.exitSpeedMs, md.accelerationG),
    factoryMassT: f.factoryKg / 1000,
    factoryCapacityTPerYear: f.capacityKgPerYr / 1000,
    regolithMinedT: a.minedKg / 1000,
    siteArrayAreaM2: f.siteM2,
    elsewhereArrayAreaM2: f.elsewhereM2,
    bindingLimit: f.limit,
    structures: countsFrom(p, a, f.landings, year),
  }
}

/**
 * When each structure of each kind was built, UTC ms, ascending: the k-th entry is the first step
 * boundary at which the kind's count exceeded k (half-month resolution); those counted at untilMs
 * but at no step boundary before it take untilMs. At most limits[kind] entries per kind (what
 * the layout can place), so the cost is one walk of the timeline (48 steps a year) plus the
 * entries kept, whatever the counts: at the schema's far horizons they can exceed any array.
 */
export function buildTimes(scenario: BaseScenario, untilMs: number, limits: Readonly<StructureCounts>): Record<StructureKind, Float64Array> {
  const p = scenario.base
  const until = fractionalYear(untilMs)
  const tl = timeline(p, driverSpec(scenario), Math.max(until, p.firstLandingYear))
  const final = baseStateAt(scenario, untilMs).structures
  const out = {} as Record<StructureKind, Float64Array>
  const filled = {} as StructureCounts
  for (const kind of STRUCTURE_KINDS) {
    const n = final[kind],
      limit = limits[kind]
    // n may be NaN or Infinity where an extreme scenario overflows; a NaN count builds nothing.
    out[kind] = new Float64Array(n > 0 && limit > 0 ? Math.min(n, limit) : 0)
    filled[kind] = 0
  }
  for (let k = 0; k < tl.length && tl[k].year <= until + 1e-9; k++) {
    const y = tl[k].year
    const c = countsFrom(p, tl[k], landingsBy(p, y), y)
    const ms = msFromFractionalYear(y)
    for (const kind of STRUCTURE_KINDS) {
      const a = out[kind]
      const n = Math.min(c[kind], a.length)
      while (filled[kind] < n) a[filled[kind]++] = ms
    }
  }
  for (const kind of STRUCTURE_KINDS) out[kind].fill(untilMs, filled[kind])
  return out
}
