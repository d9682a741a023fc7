/**
 * `orbit`: a circular Earth orbit's period, speed and J2 nodal drift (src/sim/constellation/orbits.ts).
 * Earth constants SOURCES §6 [C]; `--inclination sso` solves for the sun-synchronous inclination
 * (nodal drift 0.98565°/day, SOURCES §6).
 */
import { circularSpeedMs, nodalDriftDegPerDay, orbitalPeriodS, ssoInclinationDeg } from '../../sim/constellation/orbits'
import { CliError, type Command, num, round, str } from '../args'

export interface OrbitResult {
  altitudeKm: number
  inclinationDeg: number
  sso: boolean
  periodS: number
  speedMs: number
  nodalDriftDegPerDay: number
}

export function orbitInfo(altitudeKm: number, inclination: number | 'sso'): OrbitResult {
  const sso = inclination === 'sso'
  const inc = sso ? ssoInclinationDeg(altitudeKm) : inclination
  if (!Number.isFinite(inc)) throw new CliError(`No sun-synchronous orbit exists at ${altitudeKm} km (J2 is too weak above ~5,970 km).`)
  return {
    altitudeKm,
    inclinationDeg: round(inc, 4),
    sso,
    periodS: round(orbitalPeriodS(altitudeKm), 3),
    speedMs: round(circularSpeedMs(altitudeKm), 3),
    nodalDriftDegPerDay: round(nodalDriftDegPerDay(altitudeKm, inc), 6),
  }
}

export const orbitCommand: Command = {
  name: 'orbit',
  summary: 'Period, speed and nodal drift of a circular Earth orbit (J2), or the sun-synchronous inclination',
  usage: [
    'orbit --altitude-km KM [--inclination DEG|sso]',
    '  --altitude-km KM          altitude above the equatorial radius, 100–40000 km',
    '  --inclination DEG|sso     degrees (0–180) or "sso" for sun-synchronous (default: sso)',
  ].join('\n'),
  options: ['altitude-km', 'inclination'],
  run: (args) => {
    const alt = num(args, 'altitude-km', { min: 100, max: 40000 })
    const incText = str(args, 'inclination') ?? 'sso'
    if (incText.toLowerCase() === 'sso') return orbitInfo(alt, 'sso')
    const inc = num(args, 'inclination', { min: 0, max: 180 })
    return orbitInfo(alt, inc)
  },
}
