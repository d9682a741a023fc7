/**
 * `bodies`: where the Sun and Moon are at an instant, and the subsolar point on Earth.
 * Ephemerides from astronomy-engine, ±1′ (SOURCES §6); frame J2000 mean equator and equinox (EQJ),
 * geocentric, km.
 */
import { Astronomy, moonGeocentricKm, moonGeocentricVelocityKmS, subsolarPoint, sunGeocentricKm } from '../../sim/ephemeris'
import { toIsoUtc, utDaysSinceJ2000 } from '../../sim/time'
import { norm, vec3, type Vec3 } from '../../sim/vec'
import { type Command, requireIso, round } from '../args'

const xyz = (v: Vec3, digits: number): [number, number, number] => [round(v.x, digits), round(v.y, digits), round(v.z, digits)]

export interface BodiesResult {
  at: string
  frame: string
  sun: { positionKm: [number, number, number]; distanceKm: number }
  moon: { positionKm: [number, number, number]; distanceKm: number; velocityKmS: [number, number, number] }
  subsolar: { latDeg: number; lonDeg: number }
  /** Greenwich apparent sidereal time as an angle, degrees 0…360 (the angle earthFixedMatrix turns by). */
  earthRotationDeg: number
}

/** Greenwich apparent sidereal time in degrees, 0…360 (astronomy-engine, UT1 ≈ UTC; SOURCES §6). */
export function greenwichApparentSiderealDeg(tMs: number): number {
  return Astronomy.SiderealTime(new Astronomy.AstroTime(utDaysSinceJ2000(tMs))) * 15
}

/** The `bodies` result at an instant (ms since 1970, UTC). Positions to 1 m, velocity to 1 mm/s. */
export function bodiesAt(tMs: number): BodiesResult {
  const sun = sunGeocentricKm(tMs, vec3())
  const moon = moonGeocentricKm(tMs, vec3())
  const vel = moonGeocentricVelocityKmS(tMs, vec3())
  const sub = subsolarPoint(tMs)
  return {
    at: toIsoUtc(tMs),
    frame: 'J2000 equatorial (EQJ), geocentric',
    sun: { positionKm: xyz(sun, 3), distanceKm: round(norm(sun), 3) },
    moon: { positionKm: xyz(moon, 3), distanceKm: round(norm(moon), 3), velocityKmS: xyz(vel, 6) },
    subsolar: { latDeg: round(sub.latDeg, 4), lonDeg: round(sub.lonDeg, 4) },
    earthRotationDeg: round(greenwichApparentSiderealDeg(tMs), 6) % 360,
  }
}

export const bodiesCommand: Command = {
  name: 'bodies',
  summary: "Sun and Moon positions (J2000 equatorial, geocentric, km), the subsolar point and Earth's rotation angle at an instant",
  usage: ['bodies [--at ISO]', '  --at ISO   UTC instant, e.g. 2030-06-21T12:00:00Z or 2030-06-21 (default: now)'].join('\n'),
  options: ['at'],
  run: (args) => bodiesAt(requireIso(args, 'at', Date.now())),
}
