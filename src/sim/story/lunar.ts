/**
 * The Moon's yearly figures for the story rows (src/sim/story/yearly.ts merges them with the
 * constellation's): the base's solar power, regolith mined, factories, mass and compute thrown by
 * the mass driver, and the swarm those payloads make around the Sun, with the limit that binds
 * each year. Built on the base's growth model (src/sim/base/growth.ts); pure and cheap (one
 * cached timeline walk per scenario).
 */
import { baseStateAt } from '../base/growth'
import { kardashevReading } from '../kardashev'
import type { Scenario } from '../scenario/schema'
import { yearStartMs } from '../time'
import { SOLAR_CONSTANT_W_M2, SUN_LUMINOSITY_W } from '../constants'
import { UNIT } from '../base/growth'

/** What stops the lunar industry from growing faster in a year (null: nothing yet built, or no limit reached). */
export type LunarLimit = 'landings' | 'power' | 'factories' | 'track' | 'shotRate' | 'sunlitArea' | 'moonSunlight' | 'moonMass' | 'store' | null

export interface LunarYear {
  year: number
  /** Mean electrical power of the base's solar arrays over the year's first instant, W. */
  lunarSolarPowerW: number
  /** Regolith mined by the start of the next year, cumulative, kg. */
  regolithMinedKg: number
  /** Factory mass standing at the end of the year, kg. */
  factoryMassKg: number
  /** Mass thrown by the mass driver during the year, kg. */
  thrownMassKg: number
  /** Compute power thrown during the year (thrown mass × kW/t), W (per year). */
  thrownComputeW: number
  /** The swarm's compute power at the end of the year (all payloads thrown so far), W. */
  swarmPowerW: number
  swarmMassKg: number
  /** Collecting area of the swarm at the end of the year, m². */
  swarmAreaM2: number
  /** Sunlight the swarm intercepts ÷ the Sun's output (3.828e26 W). */
  fractionOfSun: number
  /** Kardashev index of humanity's 19.6 TW plus the swarm's power. */
  kardashev: number
  bindingLimit: LunarLimit
}

/** Solar cell efficiency of the swarm's collectors (≈ 30 %, SOURCES §1). */
export const SWARM_CELL_EFFICIENCY = 0.3

/** The Moon's figures for each whole year in [fromYear, untilYear] (inclusive). */
export function lunarYearly(scenario: Scenario, fromYear: number, untilYear: number): LunarYear[] {
  const out: LunarYear[] = []
  const kwPerT = scenario.massDriver?.computeKwPerTonne ?? 100
  for (let y = Math.floor(fromYear); y <= untilYear; y++) {
    const a = baseStateAt(scenario, yearStartMs(y))
    const b = baseStateAt(scenario, yearStartMs(y + 1))
    const thrownKg = Math.max(0, (b.satellitesLaunchedT - a.satellitesLaunchedT) * 1000)
    const swarmMassKg = b.satellitesLaunchedT * 1000
    const swarmPowerW = (swarmMassKg / 1000) * kwPerT * 1000
    const swarmAreaM2 = swarmPowerW / (SOLAR_CONSTANT_W_M2 * SWARM_CELL_EFFICIENCY)
    const made = b.satellitesMadeT + b.selfBuiltArraysT
    out.push({
      year: y,
      lunarSolarPowerW: a.solarAverageW,
      regolithMinedKg: (made * 1000) / UNIT.regolithYield,
      factoryMassKg: b.structures.factory * 1000e3,
      thrownMassKg: thrownKg,
      thrownComputeW: (thrownKg / 1000) * kwPerT * 1000,
      swarmPowerW,
      swarmMassKg,
      swarmAreaM2,
      fractionOfSun: (swarmAreaM2 * SOLAR_CONSTANT_W_M2) / SUN_LUMINOSITY_W,
      kardashev: kardashevReading(swarmPowerW).k,
      bindingLimit: null,
    })
  }
  return out
}
