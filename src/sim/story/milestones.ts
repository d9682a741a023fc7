/**
 * The story's landmarks for a scenario: the first instant each is reached within the rows, or
 * null with the limit that binds and why. Computed from the yearly rows (yearly.ts), so the CLI's
 * `milestones`, the panels and the charts agree. A power level reached between two year-ends is
 * located to the second: orbital compute exactly (launch sequence), the Moon's and the swarm's
 * power interpolated between the year-ends; a yearly flow (compute added or thrown in a year) is
 * dated to the start of the calendar year that carries it; the cap to the deploy instant.
 */
import { EARTH_DATA_CENTRES_W, EARTH_INTERCEPTED_SUNLIGHT_W, HUMANITY_POWER_W } from '../kardashev'
import { constellationMetricsAt, scheduleFor } from '../constellation/metrics'
import type { Scenario } from '../scenario/schema'
import { toIsoUtc, yearStartMs } from '../time'
import { SUN_FRACTION_MARKS, swarmMilestones } from './lunar'
import { lastRowYear, type YearRow, yearlyRows } from './yearly'

export interface Milestone {
  id: string
  label: string
  /** The row field compared, or 'powerInSpaceW' (orbital compute + the Moon's arrays + the swarm). */
  quantity: string
  threshold: number
  unit: string
  /** First instant reached (UTC ms) and as ISO-8601, or null. */
  tMs: number | null
  at: string | null
  /** The calendar year it falls in, or null. */
  year: number | null
  /** When not reached: the limit that binds (e.g. 'cap', 'cadence', or the Moon's binding limit). */
  limit: string | null
  /** When not reached: a sentence that says why. */
  reason: string | null
}

/** Power the scenario adds in space and on the Moon, W: compute in Earth orbit + the Moon's arrays + the swarm. */
export const powerInSpaceW = (r: YearRow): number => r.orbitalComputeW + r.lunarSolarPowerW + r.swarmPowerW

type Level = { id: string; label: string; quantity: string; threshold: number; unit: string; value: (r: YearRow) => number; flow?: boolean }

const LEVELS: Level[] = [
  {
    id: 'orbit-100gw-per-year',
    label: 'Orbital compute added: 100 GW in a year (SOURCES §1 memo)',
    quantity: 'orbitalComputeAddedW',
    threshold: 100e9,
    unit: 'W/yr',
    value: (r) => r.orbitalComputeAddedW,
    flow: true,
  },
  {
    id: 'thrown-1tw-per-year',
    label: 'Compute thrown from the Moon: 1 TW in a year (SOURCES §4)',
    quantity: 'thrownComputeW',
    threshold: 1e12,
    unit: 'W/yr',
    value: (r) => r.thrownComputeW,
    flow: true,
  },
  {
    id: 'power-data-centres',
    label: "Power in space: Earth's data centres, 47 GW (SOURCES §5)",
    quantity: 'powerInSpaceW',
    threshold: EARTH_DATA_CENTRES_W,
    unit: 'W',
    value: powerInSpaceW,
  },
  { id: 'power-1tw', label: 'Power in space: 1 TW', quantity: 'powerInSpaceW', threshold: 1e12, unit: 'W', value: powerInSpaceW },
  {
    id: 'power-humanity',
    label: 'Power in space: humanity, 19.6 TW (SOURCES §5)',
    quantity: 'powerInSpaceW',
    threshold: HUMANITY_POWER_W,
    unit: 'W',
    value: powerInSpaceW,
  },
  {
    id: 'power-earth-sunlight',
    label: "Power in space: Earth's sunlight, 1.74e17 W (SOURCES §5)",
    quantity: 'powerInSpaceW',
    threshold: EARTH_INTERCEPTED_SUNLIGHT_W,
    unit: 'W',
    value: powerInSpaceW,
  },
]

const SUN_LABEL: Record<number, string> = { 1e-9: '10⁻⁹', 1e-6: '10⁻⁶', 1e-3: '10⁻³', 0.01: '1 %', 0.03: '3 %' }

/**
 * The instant in (a.tMs, b.tMs] where the power in space first reaches `threshold`: the orbital
 * compute at that instant (exact, from the launch sequence) plus the Moon's and the swarm's power
 * interpolated linearly between the two year-ends; bisection to the second.
 */
function crossing(scenario: Scenario, a: YearRow, b: YearRow, threshold: number): number {
  const moonA = a.lunarSolarPowerW + a.swarmPowerW
  const moonB = b.lunarSolarPowerW + b.swarmPowerW
  const at = (t: number) => constellationMetricsAt(scenario, t).orbitalComputeW + moonA + ((moonB - moonA) * (t - a.tMs)) / (b.tMs - a.tMs)
  let lo = a.tMs
  let hi = b.tMs
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2)
    if (at(mid) >= threshold) hi = mid
    else lo = mid
  }
  return hi
}

function reached(m: Omit<Milestone, 'tMs' | 'at' | 'year' | 'limit' | 'reason'>, tMs: number): Milestone {
  return { ...m, tMs, at: toIsoUtc(tMs), year: new Date(tMs).getUTCFullYear(), limit: null, reason: null }
}

/**
 * The landmarks of a scenario to the end of `untilYear` (default: the horizon's end). `rows`, when
 * given, must be yearlyRows(scenario, horizon start, untilYear).
 */
export function milestones(scenario: Scenario, untilYear = lastRowYear(scenario), rows?: readonly YearRow[]): Milestone[] {
  const from = scenario.horizon.startYear
  const R = rows ?? yearlyRows(scenario, from, untilYear)
  const last = R[R.length - 1]
  const moonLimit = last?.bindingLimit ?? 'none'
  const out: Milestone[] = []

  // The constellation's cap: the deploy instant the satellites in orbit first reach it.
  const c = scenario.constellation
  const sched = scheduleFor(scenario)
  const endMs = yearStartMs(untilYear + 1)
  sched.extendTo(endMs)
  const cap = {
    id: 'satellites-cap',
    label: `Satellites in orbit reach the cap (${c.maxSatellites.toLocaleString('en-US')}, SOURCES §1)`,
    quantity: 'satellites',
    threshold: c.maxSatellites,
    unit: 'count',
  }
  if (sched.capReachedMs !== null && sched.capReachedMs < endMs) out.push(reached(cap, Math.round(sched.capReachedMs)))
  else {
    const most = R.reduce((a, r) => Math.max(a, r.satellites), 0)
    const limit = !c.enabled ? 'disabled' : c.shells.reduce((a, s) => a + s.targetCount, 0) < c.maxSatellites ? 'shellTargets' : 'cadence'
    const why =
      limit === 'disabled'
        ? 'the constellation is switched off'
        : limit === 'shellTargets'
          ? "the shells' targets add up to less than the cap"
          : `flights replace satellites about as fast as they retire (design life ${c.designLifeYears} yr), so the fleet levels off at ${Math.round(most).toLocaleString('en-US')}`
    out.push({ ...cap, tMs: null, at: null, year: null, limit, reason: `Not by the end of ${untilYear}: ${why}.` })
  }

  for (const lv of LEVELS) {
    const m = { id: lv.id, label: lv.label, quantity: lv.quantity, threshold: lv.threshold, unit: lv.unit }
    let hit: Milestone | null = null
    for (let i = 0; i < R.length && !hit; i++) {
      const v = lv.value(R[i])
      if (v < lv.threshold) continue
      if (lv.flow) hit = reached(m, yearStartMs(R[i].year))
      else if (i === 0) hit = reached(m, R[i].tMs)
      else hit = reached(m, crossing(scenario, R[i - 1], R[i], lv.threshold))
    }
    if (hit) out.push(hit)
    else {
      const best = R.reduce((a, r) => Math.max(a, lv.value(r)), 0)
      const orbital = lv.id === 'orbit-100gw-per-year'
      const limit = orbital ? 'cadence' : moonLimit
      const why = orbital
        ? `the most added in a year is ${best.toExponential(2)} W (flights × payload × kW per tonne; the cap and design life set the need)`
        : `the most is ${best.toExponential(2)} ${lv.unit}; the limit that binds the Moon's industry at the end is ${moonLimit}`
      out.push({ ...m, tMs: null, at: null, year: null, limit, reason: `Not by the end of ${untilYear}: ${why}.` })
    }
  }

  // Fractions of the Sun's output the swarm intercepts (lunar.ts: the reason when never reached).
  const swarm = swarmMilestones(scenario, R, SUN_FRACTION_MARKS)
  for (const s of swarm) {
    const m = {
      id: `sun-${s.fraction}`,
      label: `The swarm intercepts ${SUN_LABEL[s.fraction] ?? s.fraction} of the Sun's output (3.828e26 W, SOURCES §5)`,
      quantity: 'fractionOfSun',
      threshold: s.fraction,
      unit: '',
    }
    if (s.year !== null) {
      const y = Math.floor(s.year)
      const t = Math.round(yearStartMs(y) + (s.year - y) * (yearStartMs(y + 1) - yearStartMs(y)))
      out.push(reached(m, t))
    } else out.push({ ...m, tMs: null, at: null, year: null, limit: moonLimit, reason: s.reason })
  }
  return out
}
