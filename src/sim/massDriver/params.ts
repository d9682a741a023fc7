/**
 * Scenario parameters of the lunar mass driver (group "massDriver"), each with its unit, range
 * and cited default. "SOURCES §n" is docs/SOURCES.md.
 */
import { enm, num, sched, type ValuesOf } from '../scenario/types'

export const MASS_DRIVER_TARGETS = ['heliocentric', 'l2'] as const
export type MassDriverTarget = (typeof MASS_DRIVER_TARGETS)[number]

export const massDriverSchema = {
  exitSpeedMs: num({
    label: 'Exit speed',
    unit: 'm/s',
    min: 500,
    max: 15000,
    default: 2500,
    source:
      'SOURCES §4: ≈ 2.41 km/s prograde is the patched-conic threshold to leave Earth [D]; the 1 TW/yr figure uses 2.5 km/s [D]. Integrated (shot.ts), 60 launches over Jan 2040 at 47°: 2.41 km/s never leaves Earth’s Hill sphere within 60 days, 2.5 km/s always does (≈ 16 d)',
    help: 'Speed relative to the ground at the muzzle. 2.38 km/s escapes the Moon; ≈ 2.41 prograde leaves the Earth–Moon system; 3.3 gives Mars-transfer energy.',
  }),
  accelerationG: num({
    label: 'Acceleration on the track',
    unit: 'g',
    min: 1,
    max: 10000,
    default: 100,
    source: 'SOURCES §4 and default table: ~3.2 km at 100 g for hardened satellites [D]; SP-413 29.4 g, SpinLaunch ~10,000 g [E]',
    help: 'Sets the track length L = v²/2a and the peak power.',
  }),
  shotsPerHour: sched({
    label: 'Shots per hour',
    unit: 'shots/h',
    min: 0,
    max: 1e9,
    interpolation: 'linear',
    default: [
      [2040, 0],
      [2045, 100],
      [2055, 1200],
      [2060, 2400],
      [2080, 1e5],
      [2100, 1e7],
      [2120, 1e8],
    ],
    source:
      'SOURCES §4: 1 TW/yr at 100 kW/t is 10 Mt/yr, 1,141 shots/h of 1 t (8,766 h/yr) [D]; 1,200/h gives 1.05 TW/yr; bulk SP-413 rate 18,000/h [E]; ramp years and the later plan (more drivers across the Moon as its power grows, toward "a few percent of the Sun", SOURCES §4 [A]): Terawatt model choice',
    help: 'Planned launch rate (all tracks together), interpolated linearly between years; the base’s power, its factories’ output and the tracks cap it.',
  }),
  tracks: sched({
    label: 'Parallel tracks',
    unit: 'tracks',
    min: 0,
    max: 1e7,
    interpolation: 'step',
    default: [
      [2040, 1],
      [2058, 2],
      [2065, 10],
      [2080, 100],
      [2090, 10000],
      [2100, 100000],
    ],
    source:
      'Model choice: one payload on a track at a time (each draws m·a·v/η ≈ 4 GW at the muzzle for 1 t at 100 g and 2.5 km/s, track.ts), so a track fires at most 3,600 s ÷ (v/a) shots an hour: 1,412/h at 100 g, 423/h at 30 g (SOURCES §4 L = v²/2a)',
    help: 'Tracks in service from each year on (each value holds until the next point).',
  }),
  payloadKg: num({
    label: 'Payload per shot',
    unit: 'kg',
    min: 1,
    max: 10000,
    default: 1000,
    source: 'SOURCES default scenario: 1-t satellite [D/E]; SP-413 buckets < 10 kg [E]',
  }),
  computeKwPerTonne: num({
    label: 'Compute power per tonne (deep space)',
    unit: 'kW/t',
    min: 1,
    max: 1000,
    default: 100,
    source: 'SOURCES §1: 100 kW per 1-t satellite claimed [A]; studies 17–29 kW/t [E]',
  }),
  efficiency: num({
    label: 'Electrical efficiency',
    unit: '',
    min: 0.05,
    max: 1,
    default: 0.6,
    step: 0.01,
    source: 'SOURCES §4: O’Neill 1976 variant > 60 % efficiency [E]',
    help: 'Kinetic energy delivered ÷ electrical energy drawn.',
  }),
  azimuthDeg: num({
    label: 'Launch azimuth',
    unit: '°',
    min: 0,
    max: 360,
    default: 47,
    source:
      'Terawatt geometry: from Connecting Ridge (222.7° E, SOURCES §3) azimuth ≈ 47° points along the Moon’s orbital motion (prograde), see progradeAzimuthDeg()',
    help: 'Direction of the track, from north through east, in the muzzle’s local horizon.',
  }),
  elevationDeg: num({
    label: 'Launch elevation',
    unit: '°',
    min: 0,
    max: 90,
    default: 0,
    source: 'Terawatt model choice: a horizontal track along the ridge (SP-413 tracks are near-horizontal, SOURCES §4)',
  }),
  target: enm({
    label: 'Target',
    options: MASS_DRIVER_TARGETS,
    default: 'heliocentric',
    source: 'SOURCES §4: SP-413 aimed at a catcher at Earth–Moon L2 [E]; the seeds aim at deep space [A]',
    help: 'heliocentric: escape the Earth–Moon system; l2: payloads are caught near Earth–Moon L2.',
  }),
} as const

/** The scenario's "massDriver" group, as the schema types it (Scenario['massDriver']). */
export type MassDriverParams = ValuesOf<typeof massDriverSchema>

/** The schema's defaults as a plain params object. */
export function defaultMassDriverParams(): MassDriverParams {
  const s = massDriverSchema
  return {
    exitSpeedMs: s.exitSpeedMs.default,
    accelerationG: s.accelerationG.default,
    shotsPerHour: s.shotsPerHour.default.map(([y, v]) => [y, v] as [number, number]),
    tracks: s.tracks.default.map(([y, v]) => [y, v] as [number, number]),
    payloadKg: s.payloadKg.default,
    computeKwPerTonne: s.computeKwPerTonne.default,
    efficiency: s.efficiency.default,
    azimuthDeg: s.azimuthDeg.default,
    elevationDeg: s.elevationDeg.default,
    target: s.target.default,
  }
}
