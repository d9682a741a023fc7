/**
 * Captions with figures bound live to the scenario in force: "{satellites} satellites,
 * {orbitalComputeW} in orbit". Each {name} is a field below: where its number comes from (the
 * worker snapshots of the running simulation, and the story's yearly rows, src/sim/story/yearly.ts,
 * between year ends as the Kardashev gauge reads them, so a caption and the gauge agree) and how it
 * is written. bindCaption is pure (tests); readCaptionValues fills the values from the stores.
 */
import { isoDay } from '../../sim/time'
import { EARTH_DATA_CENTRES_W } from '../../sim/constellation/metrics'
import { useDeepSpace } from '../../state/deepSpace'
import { useSim } from '../../state/sim'
import { rowAt, useStory } from '../../state/story'
import { count, sci, si } from '../../ui/format'

type Fmt = (v: number) => string

const ratio: Fmt = (v) => (v >= 0.1 ? `${v.toPrecision(3)}×` : `${(v * 100).toPrecision(2)} %`)

/** Every figure a caption may name, with its format. */
export const CAPTION_FIELDS = {
  year: (v: number) => String(v),
  date: (v: number) => (Number.isFinite(v) ? isoDay(v) : '–'),
  dataCentresW: (v: number) => si(v, 'W'),
  launches: count,
  launchesLastDay: count,
  massToOrbitT: (v: number) => si(v, 't'),
  satellites: count,
  orbitalComputeW: (v: number) => si(v, 'W'),
  dataCentreRatio: ratio,
  population: count,
  baseSolarW: (v: number) => si(v, 'W'),
  factoryTPerYear: (v: number) => `${si(v, 't')}/yr`,
  satellitesMade: count,
  cargoLandings: count,
  shots: count,
  shotsPerHour: count,
  massThrownT: (v: number) => si(v, 't'),
  deepSpaceComputeW: (v: number) => si(v, 'W'),
  totalComputeW: (v: number) => si(v, 'W'),
  kardashev: (v: number) => (Number.isFinite(v) ? v.toFixed(4) : '–'),
  fractionOfSun: (v: number) => sci(v, 2),
  retiredSatellites: count,
  lunarSolarPowerW: (v: number) => si(v, 'W'),
  swarmPowerW: (v: number) => si(v, 'W'),
  thrownComputeW: (v: number) => `${si(v, 'W')}/yr`,
  spacePowerW: (v: number) => si(v, 'W'),
} satisfies Record<string, Fmt>

export type CaptionField = keyof typeof CAPTION_FIELDS
export type CaptionValues = Record<CaptionField, number>

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g

/** The names a caption template uses, in order. */
export function placeholders(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1])
}

/** Writes the values into a template; a figure not known yet (NaN) shows "–". */
export function bindCaption(template: string, values: Partial<CaptionValues>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in CAPTION_FIELDS)) return whole
    const f = name as CaptionField
    const v = values[f]
    return v === undefined || Number.isNaN(v) ? '–' : CAPTION_FIELDS[f](v)
  })
}

export const emptyCaptionValues = (): CaptionValues => Object.fromEntries(Object.keys(CAPTION_FIELDS).map((k) => [k, Number.NaN])) as CaptionValues

const at = { i: 0, f: 0 }
/** A story row's field at tMs: linear between the year ends around it (NaN before the rows arrive). */
function story(
  tMs: number,
  field: 'kardashev' | 'fractionOfSun' | 'retiredSatellites' | 'lunarSolarPowerW' | 'swarmPowerW' | 'thrownComputeW' | 'orbitalComputeW',
): number {
  const { rows, rowStartMs } = useStory.getState()
  if (rows.length === 0) return Number.NaN
  rowAt(rowStartMs, tMs, at)
  const a = rows[at.i][field]
  return at.i + 1 < rows.length ? a + (rows[at.i + 1][field] - a) * at.f : a
}

/** Fills `out` from the latest snapshots and story rows (NaN where none has arrived) for sim time tMs. */
export function readCaptionValues(tMs: number, out: CaptionValues): CaptionValues {
  out.year = new Date(tMs).getUTCFullYear()
  out.date = tMs
  out.dataCentresW = EARTH_DATA_CENTRES_W
  const snap = useSim.getState().snapshot
  const c = snap?.constellation
  out.launches = c?.launches ?? Number.NaN
  out.launchesLastDay = snap ? snap.recentLaunches.length : Number.NaN
  out.massToOrbitT = c?.massToOrbitT ?? Number.NaN
  out.satellites = c?.satellites ?? Number.NaN
  out.orbitalComputeW = c?.orbitalComputeW ?? Number.NaN
  out.dataCentreRatio = c?.dataCentreRatio ?? Number.NaN
  const b = snap?.base?.state
  out.population = b?.population ?? Number.NaN
  out.baseSolarW = b?.solarAverageW ?? Number.NaN
  out.factoryTPerYear = b?.factoryOutputTPerYear ?? Number.NaN
  out.satellitesMade = b?.satellitesMadeCount ?? Number.NaN
  out.cargoLandings = b?.cargoLandings ?? Number.NaN
  const d = useDeepSpace.getState().snapshot
  out.shots = d?.shots ?? Number.NaN
  out.shotsPerHour = d?.shotsPerHour ?? Number.NaN
  out.massThrownT = d ? d.massLaunchedKg / 1000 : Number.NaN
  out.deepSpaceComputeW = d?.deepSpaceComputeW ?? Number.NaN
  out.totalComputeW = d?.totalComputeW ?? Number.NaN
  // The story's figures (Moon, swarm, K), as the Kardashev gauge shows them.
  out.kardashev = story(tMs, 'kardashev')
  out.fractionOfSun = story(tMs, 'fractionOfSun')
  out.retiredSatellites = story(tMs, 'retiredSatellites')
  out.lunarSolarPowerW = story(tMs, 'lunarSolarPowerW')
  out.swarmPowerW = story(tMs, 'swarmPowerW')
  out.thrownComputeW = story(tMs, 'thrownComputeW')
  // All the power K counts beyond humanity's (orbit, the Moon's arrays, the swarm), as the gauge's needle.
  out.spacePowerW = story(tMs, 'orbitalComputeW') + out.lunarSolarPowerW + out.swarmPowerW
  return out
}
