/**
 * The story in numbers: one row per calendar year, the state at the end of the year (1 January
 * of the next, 00:00 UTC) with the year's flows (launches, compute added). The constellation's
 * figures come from src/sim/constellation/metrics.ts (the same launch sequence the app draws);
 * the Moon's, the mass driver's and the swarm's from lunar.ts (`lunarYearly`). The CLI's `run`,
 * the worker's chart series and the milestones all read these rows, so they show the same numbers.
 */
import { constellationMetricsAt, scheduleFor } from '../constellation/metrics'
import { HUMANITY_POWER_W, kardashevIndex } from '../kardashev'
import type { Scenario } from '../scenario/schema'
import { yearStartMs } from '../time'
import { type LunarYear, lunarYearly } from './lunar'

/**
 * The last year with a row inside the horizon: it ends at 1 January of `horizon.endYear`, which is
 * where the row of the year before stands.
 */
export function lastRowYear(scenario: Pick<Scenario, 'horizon'>): number {
  return scenario.horizon.endYear - 1
}

/** The Moon's, the mass driver's and the swarm's figures of a row, as lunarYearly gives them (lunar.ts documents each). */
type LunarFields =
  | 'year'
  | 'lunarSolarPowerW'
  | 'regolithMinedKg'
  | 'factoryMassKg'
  | 'thrownMassKg'
  | 'thrownComputeW'
  | 'swarmPowerW'
  | 'swarmMassKg'
  | 'swarmAreaM2'
  | 'fractionOfSun'
  | 'bindingLimit'

/** One year of the story: the constellation's figures beside the Moon's (LunarYear, whose fields it shares). */
export interface YearRow extends Pick<LunarYear, LunarFields> {
  /** 1 January of year + 1, 00:00 UTC, UTC ms: where the row's figures stand (`year` is the calendar year it closes). */
  tMs: number
  /** Constellation flights lifted off since the schedule began (cumulative). */
  launches: number
  /** Flights during the year. */
  launchesInYear: number
  /** Satellites in orbit (deployed, not yet retired) at the end of the year. */
  satellites: number
  /** Satellites retired (deorbited at the end of their design life) since the start (cumulative). */
  retiredSatellites: number
  /** Satellite mass launched, cumulative, t. */
  massToOrbitT: number
  /** Satellite mass launched during the year, t. */
  massToOrbitInYearT: number
  /** Compute power in orbit at the end of the year, W. */
  orbitalComputeW: number
  /** Compute power of the satellites deployed during the year (gross, before retirements), W. */
  orbitalComputeAddedW: number
  /** orbitalComputeW ÷ all of Earth's data centres (47 GW, SOURCES §5). */
  dataCentreRatio: number
  /**
   * Sagan's Kardashev index of humanity's 19.6 TW plus the power the scenario adds: the Moon's
   * arrays, the swarm and the compute in Earth orbit (SOURCES §5); LunarYear's leaves orbit out.
   */
  kardashev: number
}

/** Rows for every calendar year from fromYear to untilYear inclusive. */
export function yearlyRows(scenario: Scenario, fromYear: number, untilYear: number): YearRow[] {
  const rows: YearRow[] = []
  // The launch sequence to the last row at once (one allocation), then each year reads it.
  scheduleFor(scenario).extendTo(yearStartMs(untilYear + 1))
  const moon = lunarYearly(scenario, fromYear, untilYear)
  let prev = constellationMetricsAt(scenario, yearStartMs(fromYear))
  for (let y = fromYear; y <= untilYear; y++) {
    const tMs = yearStartMs(y + 1)
    const m = constellationMetricsAt(scenario, tMs)
    const l = moon[y - fromYear]
    rows.push({
      year: y,
      tMs,
      launches: m.launches,
      launchesInYear: m.launches - prev.launches,
      satellites: m.satellites,
      retiredSatellites: m.retiredSatellites,
      massToOrbitT: m.massToOrbitT,
      massToOrbitInYearT: m.massToOrbitT - prev.massToOrbitT,
      orbitalComputeW: m.orbitalComputeW,
      orbitalComputeAddedW: m.deployedComputeW - prev.deployedComputeW,
      dataCentreRatio: m.dataCentreRatio,
      lunarSolarPowerW: l.lunarSolarPowerW,
      regolithMinedKg: l.regolithMinedKg,
      factoryMassKg: l.factoryMassKg,
      thrownMassKg: l.thrownMassKg,
      thrownComputeW: l.thrownComputeW,
      swarmPowerW: l.swarmPowerW,
      swarmMassKg: l.swarmMassKg,
      swarmAreaM2: l.swarmAreaM2,
      fractionOfSun: l.fractionOfSun,
      kardashev: kardashevIndex(HUMANITY_POWER_W + l.lunarSolarPowerW + l.swarmPowerW + m.orbitalComputeW),
      bindingLimit: l.bindingLimit,
    })
    prev = m
  }
  return rows
}
