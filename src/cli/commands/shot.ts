/**
 * `shot`: one mass-driver shot from Moon Base Alpha's muzzle (Connecting Ridge, SOURCES §3),
 * integrated in the gravity of Sun, Earth and Moon (src/sim/massDriver/shot.ts), classified,
 * with its heliocentric elements after escape and the track figures (SOURCES §4).
 */
import { massDriverSchema, MASS_DRIVER_TARGETS, type MassDriverTarget } from '../../sim/massDriver/params'
import { simulateShot } from '../../sim/massDriver/shot'
import { trackFigures } from '../../sim/massDriver/track'
import { toIsoUtc } from '../../sim/time'
import { outsideHorizon } from '../../sim/scenario/horizon'
import { CliError, type Command, num, requireIso, round, str } from '../args'
import { loadScenarioArg, SCENARIO_OPTIONS, SCENARIO_USAGE } from '../scenarioArg'

const S = massDriverSchema
const DEFAULT_AT = Date.UTC(2035, 0, 1)
/** Exit speeds the command accepts, km/s: from below the Moon's escape speed to well past solar-system escape from 1 AU. */
export const SHOT_SPEED_KMS = { min: 0.5, max: 20 } as const

export interface ShotCliInput {
  atMs: number
  speedKms: number
  azimuthDeg: number
  elevationDeg: number
  days: number
  accelerationG: number
  payloadKg: number
  target: MassDriverTarget
}

export function shotInfo(o: ShotCliInput) {
  const exitSpeedMs = o.speedKms * 1000
  const r = simulateShot(o.atMs, { exitSpeedMs, azimuthDeg: o.azimuthDeg, elevationDeg: o.elevationDeg, target: o.target }, { days: o.days })
  const tr = trackFigures({ exitSpeedMs, accelerationG: o.accelerationG, payloadKg: o.payloadKg, efficiency: S.efficiency.default })
  const h = r.heliocentric
  return {
    at: toIsoUtc(o.atMs),
    outcome: r.outcome,
    exitSpeedMs,
    azimuthDeg: o.azimuthDeg,
    elevationDeg: o.elevationDeg,
    target: o.target,
    days: o.days,
    maxEarthDistanceKm: round(r.maxEarthDistanceKm, 1),
    escapeTimeDays: r.escapeTimeDays === null ? null : round(r.escapeTimeDays, 3),
    impact: r.impact && { body: r.impact.body, timeDays: round(r.impact.timeDays, 6) },
    l2Closest: { distanceKm: round(r.l2Closest.distanceKm, 1), relSpeedKmS: round(r.l2Closest.relSpeedKmS, 4), timeDays: round(r.l2Closest.timeDays, 3) },
    heliocentric: h && {
      epoch: toIsoUtc(h.epochMs),
      aAu: round(h.aAu, 6),
      e: round(h.e, 6),
      iDeg: round(h.iDeg, 4),
      raanDeg: round(h.raanDeg, 4),
      argpDeg: round(h.argpDeg, 4),
      meanAnomalyDeg: round(h.meanAnomalyDeg, 4),
      perihelionAu: round(h.perihelionAu, 6),
      aphelionAu: h.aphelionAu === null ? null : round(h.aphelionAu, 6),
    },
    trackLengthM: round(tr.lengthM, 3),
    timeOnTrackS: round(tr.timeOnTrackS, 4),
    energyPerShotJ: tr.energyPerShotJ,
    peakPowerW: round(tr.peakPowerW, 0),
    samples: r.samples.tMs.length,
    steps: r.steps,
  }
}

export const shotCommand: Command = {
  name: 'shot',
  summary: 'One mass-driver shot from the Moon: integrated trajectory, outcome, heliocentric elements',
  usage: [
    'shot [--speed-kms 2.5] [--azimuth-deg 47] [--elevation-deg 0] [--at 2035-01-01T00:00:00Z] [--days 60]',
    '     [--target heliocentric|l2] [--acceleration-g 100] [--payload-kg 1000] [--preset NAME] [--scenario FILE]',
    '  --speed-kms KMS        exit speed relative to the ground, 0.5–20 km/s (default 2.5, SOURCES §4)',
    '  --azimuth-deg DEG      track direction from north through east at the muzzle, 0–360 (default 47 ≈ prograde)',
    '  --elevation-deg DEG    above the local horizon, 0–90 (default 0)',
    "  --at ISO               launch instant, UTC, within the scenario's horizon (default 2035-01-01T00:00:00Z)",
    '  --days D               integration horizon, 0.01–400 days (default 60)',
    '  --target T             heliocentric (default) or l2 (a catcher at Earth–Moon L2 stops the shot)',
    '  --acceleration-g G     track acceleration for the track figures, 1–10000 g (default 100)',
    '  --payload-kg KG        payload mass for the energy figures, 1–10000 kg (default 1000)',
    SCENARIO_USAGE,
  ].join('\n'),
  options: ['speed-kms', 'azimuth-deg', 'elevation-deg', 'at', 'days', 'target', 'acceleration-g', 'payload-kg', ...SCENARIO_OPTIONS],
  run: (args) => {
    const target = (str(args, 'target') ?? S.target.default) as MassDriverTarget
    if (!MASS_DRIVER_TARGETS.includes(target)) throw new CliError(`Option --target must be one of ${MASS_DRIVER_TARGETS.join(', ')}; got "${target}".`)
    const atMs = requireIso(args, 'at', DEFAULT_AT)
    const scenario = loadScenarioArg(args)
    const outside = outsideHorizon(scenario.horizon, atMs)
    if (outside) throw new CliError(`--at ${toIsoUtc(atMs)} is ${outside}.`)
    return shotInfo({
      atMs,
      speedKms: num(args, 'speed-kms', { ...SHOT_SPEED_KMS, default: S.exitSpeedMs.default / 1000 }),
      azimuthDeg: num(args, 'azimuth-deg', { min: 0, max: 360, default: S.azimuthDeg.default }),
      elevationDeg: num(args, 'elevation-deg', { min: 0, max: 90, default: S.elevationDeg.default }),
      days: num(args, 'days', { min: 0.01, max: 400, default: 60 }),
      accelerationG: num(args, 'acceleration-g', { min: S.accelerationG.min, max: S.accelerationG.max, default: S.accelerationG.default }),
      payloadKg: num(args, 'payload-kg', { min: S.payloadKg.min, max: S.payloadKg.max, default: S.payloadKg.default }),
      target,
    })
  },
}
