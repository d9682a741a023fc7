/**
 * Ephemerides of the Sun and Moon and the orientation of Earth and Moon, from astronomy-engine
 * (VSOP87/ELP-based; ±1 arcminute against JPL Horizons, SOURCES §6 [E]).
 *
 * Frame: J2000 mean equator and equinox ("EQJ", ≈ ICRF), geocentric, kilometres.
 * Orientation matrices are row-major Float64Array(9) mapping EQJ vectors to body-fixed ones.
 * Functions write into caller-owned targets; astronomy-engine itself allocates a few small objects
 * per call, which the young-generation GC reclaims.
 */
import * as Astronomy from 'astronomy-engine'
import { AU_KM, DEG, SECONDS_PER_DAY } from './constants'
import { utDaysSinceJ2000 } from './time'
import { setVec, type Vec3 } from './vec'

const SUN = Astronomy.Body.Sun
const MOON = Astronomy.Body.Moon

const astroTime = (tMs: number) => new Astronomy.AstroTime(utDaysSinceJ2000(tMs))

/** Geocentric position of the Sun, EQJ, km (geometric, no aberration). */
export function sunGeocentricKm(tMs: number, out: Vec3): Vec3 {
  const v = Astronomy.GeoVector(SUN, astroTime(tMs), false)
  return setVec(out, v.x * AU_KM, v.y * AU_KM, v.z * AU_KM)
}

/** Geocentric position of the Moon's centre, EQJ, km. */
export function moonGeocentricKm(tMs: number, out: Vec3): Vec3 {
  const v = Astronomy.GeoMoon(astroTime(tMs))
  return setVec(out, v.x * AU_KM, v.y * AU_KM, v.z * AU_KM)
}

/** Geocentric velocity of the Moon, EQJ, km/s. */
export function moonGeocentricVelocityKmS(tMs: number, out: Vec3): Vec3 {
  const s = Astronomy.GeoMoonState(astroTime(tMs))
  const k = AU_KM / SECONDS_PER_DAY
  return setVec(out, s.vx * k, s.vy * k, s.vz * k)
}

/** Heliocentric position of a planet (or Earth), EQJ, km. */
export function heliocentricKm(body: Astronomy.Body, tMs: number, out: Vec3): Vec3 {
  const v = Astronomy.HelioVector(body, astroTime(tMs))
  return setVec(out, v.x * AU_KM, v.y * AU_KM, v.z * AU_KM)
}

/**
 * Rotation EQJ → Earth-fixed (ITRF-like: x through Greenwich, z to the true pole of date).
 * Precession and nutation (EQJ → true equator of date), then Greenwich apparent sidereal time.
 * Polar motion (< 0.5″) is ignored.
 */
export function earthFixedMatrix(tMs: number, out: Float64Array): Float64Array {
  const time = astroTime(tMs)
  const r = Astronomy.Rotation_EQJ_EQD(time).rot // RotateVector uses v'_j = Σ_i rot[i][j] v_i
  const theta = Astronomy.SiderealTime(time) * 15 * DEG
  const c = Math.cos(theta),
    s = Math.sin(theta)
  // Rz(θ) as a frame rotation: x' = c x + s y, y' = −s x + c y.
  for (let i = 0; i < 3; i++) {
    const ex = r[i][0],
      ey = r[i][1],
      ez = r[i][2] // EQD components of EQJ basis vector i
    out[i] = c * ex + s * ey // row 0, column i
    out[3 + i] = -s * ex + c * ey
    out[6 + i] = ez
  }
  return out
}

/**
 * Rotation EQJ → Moon body-fixed (IAU WGCCRE model with libration terms, as in astronomy-engine):
 * M = Rz(W) · Rx(90° − δ₀) · Rz(90° + α₀). x points to the mean sub-Earth meridian (0° longitude),
 * z to the north pole.
 */
export function moonFixedMatrix(tMs: number, out: Float64Array): Float64Array {
  const axis = Astronomy.RotationAxis(MOON, astroTime(tMs))
  return iauBodyMatrix(axis.ra * 15 * DEG, axis.dec * DEG, axis.spin * DEG, out)
}

/** Body-fixed matrix from pole right ascension α, declination δ and prime-meridian angle W (radians). */
export function iauBodyMatrix(alpha: number, delta: number, w: number, out: Float64Array): Float64Array {
  const a = Math.PI / 2 + alpha,
    b = Math.PI / 2 - delta
  const ca = Math.cos(a),
    sa = Math.sin(a),
    cb = Math.cos(b),
    sb = Math.sin(b),
    cw = Math.cos(w),
    sw = Math.sin(w)
  // Rz(a): [ca sa 0; -sa ca 0; 0 0 1], Rx(b): [1 0 0; 0 cb sb; 0 -sb cb], Rz(w) likewise.
  // P = Rx(b)·Rz(a)
  const p00 = ca,
    p01 = sa,
    p02 = 0
  const p10 = -cb * sa,
    p11 = cb * ca,
    p12 = sb
  const p20 = sb * sa,
    p21 = -sb * ca,
    p22 = cb
  out[0] = cw * p00 + sw * p10
  out[1] = cw * p01 + sw * p11
  out[2] = cw * p02 + sw * p12
  out[3] = -sw * p00 + cw * p10
  out[4] = -sw * p01 + cw * p11
  out[5] = -sw * p02 + cw * p12
  out[6] = p20
  out[7] = p21
  out[8] = p22
  return out
}

export interface GeoPoint {
  latDeg: number
  lonDeg: number
}

const _sun: Vec3 = { x: 0, y: 0, z: 0 }
const _m = new Float64Array(9)

/** The point on Earth where the Sun is at the zenith (geocentric latitude, east longitude −180…180). */
export function subsolarPoint(tMs: number, out: GeoPoint = { latDeg: 0, lonDeg: 0 }): GeoPoint {
  sunGeocentricKm(tMs, _sun)
  earthFixedMatrix(tMs, _m)
  const x = _m[0] * _sun.x + _m[1] * _sun.y + _m[2] * _sun.z
  const y = _m[3] * _sun.x + _m[4] * _sun.y + _m[5] * _sun.z
  const z = _m[6] * _sun.x + _m[7] * _sun.y + _m[8] * _sun.z
  out.latDeg = Math.atan2(z, Math.hypot(x, y)) / DEG
  out.lonDeg = Math.atan2(y, x) / DEG
  return out
}

export { Astronomy }
