/**
 * The ephemeris wrapper (src/sim/ephemeris.ts, astronomy-engine) against an independent
 * implementation and published values. astronomy-engine claims ±1′ against JPL Horizons (SOURCES §6),
 * ≈ 112 km at the Moon.
 *
 * The independent reference is the `astronomia` package (dev dependency; MIT; a port of Meeus,
 * "Astronomical Algorithms", 2nd ed.): the ELP/MPP02 lunar theory (Chapront & Francou 2003,
 * astronomia/elp with its elpMppDe series), the full VSOP87B series for the Earth
 * (Bretagnon & Francou 1988, astronomia/planetposition), Meeus ch. 50 for the Moon's apsides
 * (astronomia/apsis) and its ΔT (astronomia/deltat). It shares no code or series with
 * astronomy-engine's truncated ones. Tolerances are named below, each beside the largest
 * difference measured when the test was written.
 */
import { Moon as ElpMoon } from 'astronomia/elp'
import { Planet } from 'astronomia/planetposition'
import { apogee, apogeeParallax, distance as apsisDistanceKm, perigee, perigeeParallax } from 'astronomia/apsis'
import { deltaT } from 'astronomia/deltat'
import elpMppDe from 'astronomia/data/elpMppDe'
import vsop87Bearth from 'astronomia/data/vsop87Bearth'
import { describe, expect, it } from 'vitest'
import { AU_KM } from '../../src/sim/constants'
import { earthFixedMatrix, moonFixedMatrix, moonGeocentricKm, moonGeocentricVelocityKmS, subsolarPoint, sunGeocentricKm } from '../../src/sim/ephemeris'
import { parseIsoUtc } from '../../src/sim/time'
import { mulMat3Vec, norm, scaleVec, vec3, type Vec3 } from '../../src/sim/vec'

const HOUR = 3600e3
const t = (iso: string): number => {
  const v = parseIsoUtc(iso)
  if (v === null) throw new Error(`bad test instant ${iso}`)
  return v
}
const moonDist = (tMs: number): number => norm(moonGeocentricKm(tMs, vec3()))

/** The instant and distance of the Moon's closest (or farthest) approach within ±2 days of `near`. */
function findApsis(near: number, kind: 'min' | 'max'): { tMs: number; km: number } {
  const sign = kind === 'min' ? 1 : -1
  let best = { tMs: near, km: moonDist(near) }
  for (let tt = near - 48 * HOUR; tt <= near + 48 * HOUR; tt += 5 * 60e3) {
    const km = moonDist(tt)
    if (sign * km < sign * best.km) best = { tMs: tt, km }
  }
  return best
}

// Named tolerances, each with the largest difference measured over these samples (Nov 2026).
/** Moon direction, arcseconds (measured ≤ 4.4″). */
const MOON_DIRECTION_TOL_ARCSEC = 10
/** Moon distance, km (measured ≤ 13.7 km). */
const MOON_RANGE_TOL_KM = 25
/** Sun direction, arcseconds (measured ≤ 2.5″). */
const SUN_DIRECTION_TOL_ARCSEC = 5
/** Sun distance, km (measured ≤ 2,289 km, 1.5e-5 AU: astronomy-engine's truncated VSOP87). */
const SUN_RANGE_TOL_KM = 3000
/** Apsis instants, minutes (measured ≤ 25 min on the 5-min search grid). */
const APSIS_TIME_TOL_MIN = 40
/** Apsis distances, km (measured ≤ 15 km). */
const APSIS_DISTANCE_TOL_KM = 25

/** J2000 obliquity of the ecliptic, 84381.406″ (IAU 2006), for ecliptic J2000 → EQJ. */
const EPS_J2000 = (84381.406 / 3600) * (Math.PI / 180)
const eclipticToEqj = (x: number, y: number, z: number) =>
  vec3(x, y * Math.cos(EPS_J2000) - z * Math.sin(EPS_J2000), y * Math.sin(EPS_J2000) + z * Math.cos(EPS_J2000))
const JD_UNIX_EPOCH = 2440587.5
const decimalYear = (tMs: number) => 2000 + (tMs / 86400e3 + JD_UNIX_EPOCH - 2451545) / 365.25
/** Julian Ephemeris Day (TT) for a UTC instant, with astronomia's own ΔT. */
const jdeFromMs = (tMs: number) => tMs / 86400e3 + JD_UNIX_EPOCH + deltaT(decimalYear(tMs)) / 86400
const msFromJde = (jde: number) => (jde - JD_UNIX_EPOCH) * 86400e3 - deltaT(decimalYear((jde - JD_UNIX_EPOCH) * 86400e3)) * 1000
const elpMoon = new ElpMoon(elpMppDe)
const vsopEarth = new Planet(vsop87Bearth)
function elpMoonEqjKm(tMs: number): Vec3 {
  const p = elpMoon.positionXYZ(jdeFromMs(tMs))
  return eclipticToEqj(p.x, p.y, p.z)
}
/** The Sun seen from the Earth's centre: minus VSOP87B's heliocentric Earth, EQJ, km. */
function vsopSunEqjKm(tMs: number): Vec3 {
  const e = vsopEarth.position2000(jdeFromMs(tMs))
  const r = e.range * AU_KM
  return eclipticToEqj(-r * Math.cos(e.lat) * Math.cos(e.lon), -r * Math.cos(e.lat) * Math.sin(e.lon), -r * Math.sin(e.lat))
}
const separationArcsec = (a: Vec3, b: Vec3) => Math.acos(Math.min(1, (a.x * b.x + a.y * b.y + a.z * b.z) / (norm(a) * norm(b)))) * (180 / Math.PI) * 3600
/** 60 instants, 2000–2200, ~3.3 years apart plus a drifting hour so they fall at every phase and time of day. */
const SAMPLES = 60
const sampleInstants = () => Array.from({ length: SAMPLES }, (_, i) => Date.UTC(2000, 0, 1) + i * (200 / SAMPLES) * 365.25 * 86400e3 + i * 37.3 * HOUR)

describe('Moon distance', () => {
  it('stays within 356,000–407,000 km, sampled hourly over 2030 (SOURCES §3: perigee ≈ 363,300, apogee ≈ 405,500 mean)', () => {
    let lo = Infinity,
      hi = -Infinity,
      rows = 0
    for (let tt = t('2030-01-01T00:00Z'); tt < t('2031-01-01T00:00Z'); tt += HOUR) {
      const d = moonDist(tt)
      lo = Math.min(lo, d)
      hi = Math.max(hi, d)
      rows++
    }
    expect(rows).toBe(365 * 24)
    expect(lo).toBeGreaterThan(356000)
    expect(hi).toBeLessThan(407000)
    // A year spans most of the range: extremes well beyond the mean perigee/apogee.
    expect(lo).toBeLessThan(363300)
    expect(hi).toBeGreaterThan(404000)
  })

  // The Moon's perigees and apogees, 2016–2200 (every horizon the scenario accepts), against
  // Meeus ch. 50 (astronomia/apsis): instants within APSIS_TIME_TOL_MIN, distances within
  // APSIS_DISTANCE_TOL_KM. The search steps 5 min, so instants agree to that grid at best.
  it('perigees and apogees 2016–2200 match Meeus ch. 50 (astronomia) in time and distance', () => {
    const rows: { kind: 'min' | 'max'; dtMin: number; dKm: number }[] = []
    for (let year = 2016; year < 2200; year += 4.7) {
      for (const kind of ['min', 'max'] as const) {
        const jde = kind === 'min' ? perigee(year) : apogee(year)
        const km = apsisDistanceKm(kind === 'min' ? perigeeParallax(year) : apogeeParallax(year))
        const tMs = msFromJde(jde)
        const a = findApsis(tMs, kind)
        rows.push({ kind, dtMin: Math.abs(a.tMs - tMs) / 60e3, dKm: Math.abs(a.km - km) })
      }
    }
    expect(rows.length).toBe(80) // 40 years sampled × perigee and apogee: the loop ran over all of them
    for (const r of rows) {
      expect(r.dtMin).toBeLessThanOrEqual(APSIS_TIME_TOL_MIN)
      expect(r.dKm).toBeLessThan(APSIS_DISTANCE_TOL_KM)
    }
  })

  it('Moon position 2000–2200 matches ELP/MPP02 (astronomia) in direction and distance', () => {
    const rows = sampleInstants().map((tMs) => {
      const ref = elpMoonEqjKm(tMs)
      const got = moonGeocentricKm(tMs, vec3())
      return { arcsec: separationArcsec(got, ref), dKm: Math.abs(norm(got) - norm(ref)) }
    })
    expect(rows.length).toBe(SAMPLES)
    const worst = { arcsec: Math.max(...rows.map((r) => r.arcsec)), dKm: Math.max(...rows.map((r) => r.dKm)) }
    expect(worst.arcsec).toBeLessThan(MOON_DIRECTION_TOL_ARCSEC)
    expect(worst.dKm).toBeLessThan(MOON_RANGE_TOL_KM)
  })

  it('moves at about 1 km/s, and the velocity matches the finite difference of the position', () => {
    const t0 = t('2030-06-21T12:00Z')
    const v = moonGeocentricVelocityKmS(t0, vec3())
    expect(norm(v)).toBeGreaterThan(0.95)
    expect(norm(v)).toBeLessThan(1.1)
    const a = moonGeocentricKm(t0 - 30e3, vec3()),
      b = moonGeocentricKm(t0 + 30e3, vec3())
    expect((b.x - a.x) / 60).toBeCloseTo(v.x, 4)
    expect((b.y - a.y) / 60).toBeCloseTo(v.y, 4)
    expect((b.z - a.z) / 60).toBeCloseTo(v.z, 4)
  })
})

describe('Sun and subsolar point', () => {
  it('Sun position 2000–2200 matches VSOP87 (astronomia) in direction and distance', () => {
    const rows = sampleInstants().map((tMs) => {
      const ref = vsopSunEqjKm(tMs)
      const got = sunGeocentricKm(tMs, vec3())
      return { arcsec: separationArcsec(got, ref), dKm: Math.abs(norm(got) - norm(ref)) }
    })
    expect(rows.length).toBe(SAMPLES)
    const worst = { arcsec: Math.max(...rows.map((r) => r.arcsec)), dKm: Math.max(...rows.map((r) => r.dKm)) }
    expect(worst.arcsec).toBeLessThan(SUN_DIRECTION_TOL_ARCSEC)
    expect(worst.dKm).toBeLessThan(SUN_RANGE_TOL_KM)
  })

  it('Sun distance is 0.983–1.017 AU through 2030 and ≈ 1.016 AU at the June solstice', () => {
    let rows = 0
    for (let tt = t('2030-01-01T00:00Z'); tt < t('2031-01-01T00:00Z'); tt += 24 * HOUR) {
      const au = norm(sunGeocentricKm(tt, vec3())) / AU_KM
      expect(au).toBeGreaterThan(0.983)
      expect(au).toBeLessThan(1.0168)
      rows++
    }
    expect(rows).toBe(365)
    expect(norm(sunGeocentricKm(t('2030-06-21T07:31:11Z'), vec3())) / AU_KM).toBeCloseTo(1.0163, 3)
  })

  // 2030 equinox and solstice instants, UT: Mar 20 13:51:58, Jun 21 07:31:11, Sep 22 23:26:46,
  // Dec 21 20:09:30 (Wikipedia "Equinox" table, sourced to the USNO "Earth's Seasons" data service,
  // which lists them to the minute: 13:52, 07:31, 23:27, 20:09). At a solstice the Sun's declination
  // equals the obliquity of date, 23.436° + nutation ≈ 23.44° (IAU 2006 precession).
  const SEASONS_2030 = { mar: '2030-03-20T13:51:58Z', jun: '2030-06-21T07:31:11Z', sep: '2030-09-22T23:26:46Z', dec: '2030-12-21T20:09:30Z' }
  it('subsolar latitude is +23.44° at the June solstice, −23.44° in December, 0° at the equinoxes (±0.05°)', () => {
    expect(Math.abs(subsolarPoint(t(SEASONS_2030.jun)).latDeg - 23.44)).toBeLessThan(0.05)
    expect(Math.abs(subsolarPoint(t(SEASONS_2030.dec)).latDeg + 23.44)).toBeLessThan(0.05)
    expect(Math.abs(subsolarPoint(t(SEASONS_2030.mar)).latDeg)).toBeLessThan(0.05)
    expect(Math.abs(subsolarPoint(t(SEASONS_2030.sep)).latDeg)).toBeLessThan(0.05)
  })

  it('the subsolar latitude peaks at the published solstice instant (within 2 h)', () => {
    // The declination is flat at a solstice (≈ 0.0001° per hour² away from it), so find the peak
    // of a parabola fitted through samples 2 days apart rather than the largest sample.
    const tj = t(SEASONS_2030.jun),
      h = 48 * HOUR
    const [a, b, c] = [tj - h, tj, tj + h].map((x) => subsolarPoint(x).latDeg)
    const peakOffsetH = ((a - c) / (2 * (a - 2 * b + c))) * 48
    expect(Math.abs(peakOffsetH)).toBeLessThan(2)
  })

  /** Equation of time, minutes (apparent − mean solar time): NOAA "General Solar Position Calculations". */
  function equationOfTimeMin(tMs: number): number {
    const d = new Date(tMs)
    const doy = (tMs - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400e3 // 0-based day of year with fraction
    const g = ((2 * Math.PI) / 365) * (doy - 0.5) // fractional-year angle (radians), hour folded in
    return 229.18 * (0.000075 + 0.001868 * Math.cos(g) - 0.032077 * Math.sin(g) - 0.014615 * Math.cos(2 * g) - 0.040849 * Math.sin(2 * g))
  }

  for (const iso of [SEASONS_2030.mar, SEASONS_2030.sep]) {
    it(`subsolar longitude at the equinox ${iso} is −(UT − 12 h + EoT)·15° within 0.3°`, () => {
      const tm = t(iso)
      const d = new Date(tm)
      const utH = d.getUTCHours() + d.getUTCMinutes() / 60 + d.getUTCSeconds() / 3600
      let expected = -(utH - 12 + equationOfTimeMin(tm) / 60) * 15
      expected = ((expected + 540) % 360) - 180
      let diff = subsolarPoint(tm).lonDeg - expected
      diff = ((diff + 540) % 360) - 180
      expect(Math.abs(diff)).toBeLessThan(0.3)
    })
  }
})

describe('determinism and orientation', () => {
  it('gives identical results for the same instant, whatever was computed in between', () => {
    const t1 = t('2031-02-03T04:05:06Z'),
      t2 = t('2045-07-08T09:10:11Z')
    const a = moonGeocentricKm(t1, vec3()),
      sa = subsolarPoint(t1),
      ma = Array.from(earthFixedMatrix(t1, new Float64Array(9)))
    moonGeocentricKm(t2, vec3())
    subsolarPoint(t2)
    earthFixedMatrix(t2, new Float64Array(9))
    expect(moonGeocentricKm(t1, vec3())).toEqual(a)
    expect(subsolarPoint(t1)).toEqual(sa)
    expect(Array.from(earthFixedMatrix(t1, new Float64Array(9)))).toEqual(ma)
  })

  const orthonormal = (m: Float64Array) => {
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const d = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2]
        expect(d).toBeCloseTo(i === j ? 1 : 0, 12)
      }
    }
    const det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6])
    expect(det).toBeCloseTo(1, 12)
  }

  it('earthFixedMatrix and moonFixedMatrix are proper rotations (orthonormal, det +1)', () => {
    for (const iso of ['2000-01-01T12:00Z', '2030-06-21T12:00Z', '2060-12-31T23:59Z']) {
      orthonormal(earthFixedMatrix(t(iso), new Float64Array(9)))
      orthonormal(moonFixedMatrix(t(iso), new Float64Array(9)))
    }
  })

  // Optical libration reaches ±7.9° in longitude and ±6.9° in latitude (Espenak, astropixels.com
  // moonkey.html; Meeus, Astronomical Algorithms ch. 53), plus a small physical libration.
  it('Earth seen from the Moon (Moon-fixed frame) stays near lon 0, lat 0, within the libration (≤ 8.5°, 7.5°)', () => {
    const m = new Float64Array(9)
    const p = vec3(),
      e = vec3()
    let maxLon = 0,
      maxLat = 0,
      rows = 0
    for (let tt = t('2030-01-01T00:00Z'); tt < t('2031-01-01T00:00Z'); tt += 3 * HOUR, rows++) {
      scaleVec(p, moonGeocentricKm(tt, p), -1) // Earth relative to the Moon, EQJ
      mulMat3Vec(e, moonFixedMatrix(tt, m), p)
      maxLon = Math.max(maxLon, Math.abs(Math.atan2(e.y, e.x) * (180 / Math.PI)))
      maxLat = Math.max(maxLat, Math.abs(Math.atan2(e.z, Math.hypot(e.x, e.y)) * (180 / Math.PI)))
    }
    expect(rows).toBe(365 * 8)
    expect(maxLon).toBeLessThan(8.5)
    expect(maxLat).toBeLessThan(7.5)
    // ...and it does librate: a frame locked to the Earth direction would show 0° all year.
    expect(maxLon).toBeGreaterThan(6)
    expect(maxLat).toBeGreaterThan(6)
  })
})
