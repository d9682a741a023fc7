/**
 * Track physics of the mass driver, exact closed forms (constant acceleration a to exit speed v):
 *   length L = v² / 2a, time on the track v / a, kinetic energy per shot ½ m v²,
 *   mean electrical power = shots/s × ½ m v² / η, peak electrical power = m a v / η (force × speed
 *   at the muzzle). SOURCES §4: 2.4 km/s needs 9.8 km at 30 g, 2.9 km at 100 g; 1 TW/yr ≈ 1 GW
 *   of muzzle power at 2.5 km/s.
 */
import { G0_M_S2, SECONDS_PER_YEAR } from '../constants'

export interface TrackInput {
  exitSpeedMs: number
  accelerationG: number
  payloadKg: number
  efficiency: number
}

export interface TrackFigures {
  /** Acceleration, m/s². */
  accelerationMs2: number
  /** Track length L = v²/2a, m. */
  lengthM: number
  /** Time on the track v/a, s. */
  timeOnTrackS: number
  /** Kinetic energy at the muzzle ½ m v², J. */
  energyPerShotJ: number
  /** Electrical energy drawn per shot ½ m v² / η, J. */
  electricalEnergyPerShotJ: number
  /** Electrical power at the muzzle instant m a v / η, W. */
  peakPowerW: number
}

export function trackFigures(p: TrackInput): TrackFigures {
  const a = p.accelerationG * G0_M_S2
  const v = p.exitSpeedMs
  const ke = 0.5 * p.payloadKg * v * v
  return {
    accelerationMs2: a,
    lengthM: (v * v) / (2 * a),
    timeOnTrackS: v / a,
    energyPerShotJ: ke,
    electricalEnergyPerShotJ: ke / p.efficiency,
    peakPowerW: (p.payloadKg * a * v) / p.efficiency,
  }
}

/** Mean electrical power at a shot rate, W: (shots/h ÷ 3600) × ½ m v² / η. */
export function meanPowerW(p: TrackInput, shotsPerHour: number): number {
  return ((shotsPerHour / 3600) * 0.5 * p.payloadKg * p.exitSpeedMs * p.exitSpeedMs) / p.efficiency
}

/** Mass thrown per year at a shot rate, kg/yr (Julian year, 8,766 h). */
export const massPerYearKg = (payloadKg: number, shotsPerHour: number): number => payloadKg * shotsPerHour * (SECONDS_PER_YEAR / 3600)

/** Distance along the track after t seconds (s = ½ a t², clamped to L), m; for the sled animation. */
export function sledPositionM(p: TrackInput, tS: number): number {
  const a = p.accelerationG * G0_M_S2
  const tEnd = p.exitSpeedMs / a
  const t = Math.min(Math.max(tS, 0), tEnd)
  return 0.5 * a * t * t
}
