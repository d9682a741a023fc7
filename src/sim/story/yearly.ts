/**
 * The story in numbers: one row per calendar year, the state at the end of the year (1 January
 * of the next, 00:00 UTC) with the year's flows (launches, compute added). The constellation's
 * figures come from src/sim/constellation/metrics.ts (the same launch sequence the app draws);
 * the Moon's, the mass driver's and the swarm's from lunar.ts (`lunarYearly`). The CLI's `run`,
 * the worker's chart series and the milestones all read these rows, so they show the same numbers.
 */
import { constellationMetricsAt } from '../constellation/metrics'
import type { Scenario } from '../scenario/schema'
import { yearStartMs } from '../time'

export interface YearRow {
  /** The calendar year the row closes; figures are at `tMs` = 1 January of year + 1, 00:00 UTC. */
  year: number
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
  /** Moon Base Alpha's solar power (average), W. */
  lunarSolarPowerW: number
  /** Compute thrown by the mass driver during the year, W (satellite mass thrown × kW/t). */
  thrownComputeW: number
  /** Power of the swarm of thrown satellites around the Sun at the end of the year, W. */
  swarmPowerW: number
  swarmMassKg: number
  /** Power counted ÷ the Sun's luminosity (3.828e26 W). */
  fractionOfSun: number
  /** Sagan's Kardashev index of the power counted. */
  kardashev: number
}

/** Rows for every calendar year from fromYear to untilYear inclusive. */
export function yearlyRows(scenario: Scenario, fromYear: number, untilYear: number): YearRow[] {
  const rows: YearRow[] = []
  let prev = constellationMetricsAt(scenario, yearStartMs(fromYear))
  for (let y = fromYear; y <= untilYear; y++) {
    const tMs = yearStartMs(y + 1)
    const m = constellationMetricsAt(scenario, tMs)
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
      lunarSolarPowerW: 0,
      thrownComputeW: 0,
      swarmPowerW: 0,
      swarmMassKg: 0,
      fractionOfSun: 0,
      kardashev: 0,
    })
    prev = m
  }
  return rows
}
