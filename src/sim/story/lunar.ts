/**
 * The Moon's yearly figures for the story rows (src/sim/story/yearly.ts merges them with the
 * constellation's): the base's solar power, regolith mined, factories, mass and compute thrown by
 * the mass driver, and the swarm those payloads make around the Sun, with the limit that binds
 * each year. Built on the base's bounded growth model (src/sim/base/growth.ts); pure and cheap
 * (the growth timeline is cached per scenario: 2026–2200 is a few thousand steps).
 *
 * The swarm (analytic, all payloads thrown so far): each payload collects sunlight at ~1 AU and
 * turns it into its compute power (massDriver.computeKwPerTonne), so
 *   swarm power = thrown mass × kW/t,   collecting area = power ÷ (S × SWARM_CELL_EFFICIENCY),
 *   fractionOfSun = area × S ÷ L☉ (the sunlight it intercepts; ≤ 1, SOURCES §5, §7).
 * Payloads thrown below the Moon's escape speed (2.38 km/s, SOURCES §3) fall back: no swarm.
 */
import { baseStateAt, MOON_SUNLIGHT_W, type BaseLimit } from '../base/growth'
import { SOLAR_CONSTANT_W_M2, SUN_LUMINOSITY_W } from '../constants'
import { kardashevIndex, HUMANITY_POWER_W } from '../kardashev'
import type { Scenario } from '../scenario/schema'
import { yearStartMs } from '../time'

/** What stops the lunar industry from throwing more in a year (see BaseLimit in growth.ts); null before anything is built. */
export type LunarLimit = BaseLimit | null

export interface LunarYear {
  /** The calendar year; figures stand at its end (1 January of year + 1, 00:00 UTC), flows are over the year. */
  year: number
  /** Mean electrical power of the Moon's arrays at the end of the year, W (≤ MOON_SUNLIGHT_W). */
  lunarSolarPowerW: number
  /** Regolith mined by the end of the year, cumulative, kg. */
  regolithMinedKg: number
  /** Factory mass standing at the end of the year, kg. */
  factoryMassKg: number
  /** Mass thrown by the mass driver during the year, kg. */
  thrownMassKg: number
  /** Compute power thrown during the year (thrown mass × kW/t), W (added per year). */
  thrownComputeW: number
  /** The swarm's compute power at the end of the year (all payloads thrown so far), W. */
  swarmPowerW: number
  swarmMassKg: number
  /** Collecting area of the swarm at the end of the year, m². */
  swarmAreaM2: number
  /** Sunlight the swarm intercepts ÷ the Sun's output (3.828e26 W), at the end of the year. */
  fractionOfSun: number
  /** Kardashev index of humanity's 19.6 TW plus the Moon's power and the swarm's (yearly.ts adds orbit). */
  kardashev: number
  /** What limits the Moon's industry at mid-year (null before the first landing). */
  bindingLimit: LunarLimit
}

/** Each limit in words, for panels and reasons. */
export const LIMIT_TEXT: Record<BaseLimit, string> = {
  landings: 'no cargo has landed yet',
  noDriver: 'the mass driver is not in service yet',
  shotRate: 'the planned shot rate',
  track: 'the tracks (one payload on a track at a time)',
  driverPower: 'the power the mass driver is given',
  factories: 'factory mass (factories still doubling)',
  power: 'solar power at the site',
  sunlitArea: 'sunlit area: the site is full, arrays grow elsewhere at a lunation average',
  moonSunlight: 'the sunlight the Moon intercepts (πR²·S ≈ 1.29e16 W): its whole surface is covered',
}

/** Solar cell efficiency of the swarm's collectors (≈ 30 %, SOURCES §7). */
export const SWARM_CELL_EFFICIENCY = 0.3
/** The Moon's escape speed, m/s (SOURCES §3). */
export const MOON_ESCAPE_SPEED_MS = 2380
/** The Moon's mass, kg (SOURCES §3). */
export const MOON_MASS_KG = 7.346e22

/** Swarm figures for a thrown mass (kg). */
export function swarmOf(scenario: Pick<Scenario, 'massDriver'>, thrownKg: number) {
  const md = scenario.massDriver
  const massKg = md && md.exitSpeedMs < MOON_ESCAPE_SPEED_MS ? 0 : thrownKg
  // Collectors at 1 AU can intercept at most the Sun's whole output (a sphere of 1 AU, SOURCES §7).
  const maxAreaM2 = SUN_LUMINOSITY_W / SOLAR_CONSTANT_W_M2
  const areaM2 = Math.min(((massKg / 1000) * (md?.computeKwPerTonne ?? 100) * 1000) / (SOLAR_CONSTANT_W_M2 * SWARM_CELL_EFFICIENCY), maxAreaM2)
  const powerW = areaM2 * SOLAR_CONSTANT_W_M2 * SWARM_CELL_EFFICIENCY
  return { massKg, powerW, areaM2, fractionOfSun: (areaM2 * SOLAR_CONSTANT_W_M2) / SUN_LUMINOSITY_W }
}

/** The Moon's figures for each whole year in [fromYear, untilYear] (inclusive). */
export function lunarYearly(scenario: Scenario, fromYear: number, untilYear: number): LunarYear[] {
  const out: LunarYear[] = []
  const kwPerT = scenario.massDriver?.computeKwPerTonne ?? 100
  let a = baseStateAt(scenario, yearStartMs(Math.floor(fromYear)))
  for (let y = Math.floor(fromYear); y <= untilYear; y++) {
    const b = baseStateAt(scenario, yearStartMs(y + 1))
    const mid = baseStateAt(scenario, (yearStartMs(y) + yearStartMs(y + 1)) / 2)
    const thrownKg = Math.max(0, (b.satellitesLaunchedT - a.satellitesLaunchedT) * 1000)
    const sw = swarmOf(scenario, b.satellitesLaunchedT * 1000)
    // The row stands at the year's end (1 January of y + 1), like every other figure in it.
    const lunarW = Math.min(b.solarAverageW, MOON_SUNLIGHT_W)
    out.push({
      year: y,
      lunarSolarPowerW: lunarW,
      regolithMinedKg: b.regolithMinedT * 1000,
      factoryMassKg: b.factoryMassT * 1000,
      thrownMassKg: thrownKg,
      thrownComputeW: (thrownKg / 1000) * kwPerT * 1000,
      swarmPowerW: sw.powerW,
      swarmMassKg: sw.massKg,
      swarmAreaM2: sw.areaM2,
      fractionOfSun: sw.fractionOfSun,
      kardashev: kardashevIndex(HUMANITY_POWER_W + lunarW + sw.powerW),
      bindingLimit: mid.cargoLandings > 0 || a.cargoLandings > 0 ? mid.bindingLimit : null,
    })
    a = b
  }
  return out
}

/** The fractions of the Sun's output the story marks (SOURCES §5: 10⁻⁹ … "a few percent", 3 %). */
export const SUN_FRACTION_MARKS = [1e-9, 1e-6, 1e-3, 0.01, 0.03] as const

export interface SwarmMilestone {
  /** Fraction of the Sun's output the swarm intercepts. */
  fraction: number
  /** Fractional year it is first passed, or null when not within the rows. */
  year: number | null
  /** Swarm mass it takes, kg, and that as a share of the Moon's mass. */
  massKg: number
  moonMassShare: number
  /** Why not (null when reached): the limit that binds at the end and how long the end rate would take. */
  reason: string | null
}

/** When the swarm passes each mark in `rows` (from lunarYearly), or why it does not. */
export function swarmMilestones(
  scenario: Pick<Scenario, 'massDriver'>,
  rows: readonly LunarYear[],
  marks: readonly number[] = SUN_FRACTION_MARKS,
): SwarmMilestone[] {
  const perKg = swarmOf(scenario, 1).fractionOfSun
  const last = rows[rows.length - 1]
  return marks.map((fraction) => {
    const massKg = perKg > 0 ? fraction / perKg : Infinity
    const base = { fraction, massKg, moonMassShare: massKg / MOON_MASS_KG }
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]
      if (r.fractionOfSun >= fraction) {
        const before = i > 0 ? rows[i - 1].fractionOfSun : 0
        const f = r.fractionOfSun > before ? (fraction - before) / (r.fractionOfSun - before) : 1
        return { ...base, year: r.year + Math.min(1, Math.max(0, f)), reason: null }
      }
    }
    if (!last || perKg <= 0) return { ...base, year: null, reason: 'Nothing reaches deep space: the exit speed is below the Moon’s escape speed (2.38 km/s).' }
    const missing = massKg - last.swarmMassKg
    const perYear = last.thrownMassKg
    const years = perYear > 0 ? missing / perYear : Infinity
    const limit = last.bindingLimit ? `${last.bindingLimit} (${LIMIT_TEXT[last.bindingLimit]})` : 'none'
    const moon =
      base.moonMassShare > 1
        ? `more than the Moon’s whole mass (${base.moonMassShare.toFixed(1)}×)`
        : `${(100 * base.moonMassShare).toPrecision(2)} % of the Moon’s mass`
    const time = Number.isFinite(years)
      ? `about ${years.toPrecision(2)} more years at ${last.year}'s rate (${perYear.toExponential(2)} kg/yr)`
      : 'forever at the last rate (nothing thrown)'
    return {
      ...base,
      year: null,
      reason: `Not by ${last.year}: the limit that binds is ${limit}; it takes ${massKg.toExponential(2)} kg of swarm, ${moon}, ${time}.`,
    }
  })
}
