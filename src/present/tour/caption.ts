/**
 * Captions with figures bound live to the scenario in force: "{satellites} satellites,
 * {orbitalComputeW} in orbit". Each {name} is a field below: where its number comes from (the
 * worker snapshots of the running simulation, so it follows the scenario and the sim time) and how
 * it is written. bindCaption is pure (tests); readCaptionValues fills the values from the stores.
 */
import { EARTH_DATA_CENTRES_W } from '../../sim/constellation/metrics'
import { useDeepSpace } from '../../state/deepSpace'
import { useSim } from '../../state/sim'
import { count, sci, si } from '../../ui/format'

type Fmt = (v: number) => string

const ratio: Fmt = (v) => (v >= 0.1 ? `${v.toPrecision(3)}×` : `${(v * 100).toPrecision(2)} %`)

/** Every figure a caption may name, with its format. */
export const CAPTION_FIELDS = {
  year: (v: number) => String(v),
  date: (v: number) => (Number.isFinite(v) ? new Date(v).toISOString().slice(0, 10) : '–'),
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
  kardashev: (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–'),
  fractionOfSun: (v: number) => sci(v, 2),
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

/** Fills `out` from the latest snapshots (NaN where none has arrived) for sim time tMs. */
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
  out.kardashev = d?.kardashev.k ?? Number.NaN
  out.fractionOfSun = d?.kardashev.fractionOfSun ?? Number.NaN
  return out
}
