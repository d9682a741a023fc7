/**
 * Moon Base Alpha's site on Connecting Ridge (the Shackleton–de Gerlache ridge) at the lunar
 * south pole, and the local east–north–up (ENU) frame there.
 *
 * Site: 89.45° S, 222.69° E (137.31° W), on Connecting Ridge, the Shackleton–de Gerlache ridge
 * where Gläser et al. 2014 (Icarus 243, 78–90, "Illumination conditions at the lunar south pole
 * using high resolution digital terrain models from LOLA"; also De Rosa et al. 2012) found points
 * lit 92.27 % of the time at 2 m and 95.65 % at 10 m (SOURCES §3 [E]). The coordinates are the
 * paper's ridge site as we recall it; the abstract (all we could read offline) gives no
 * coordinates, so treat them as "on the ridge, ±1 km". Shackleton's centre (89.66° S, 129.20° E,
 * SOURCES §3) lies 20.1 km from it, its rim ≈ 9.6 km.
 *
 * Frames. Moon-fixed: the IAU mean-Earth/rotation frame of moonFixedMatrix (x to 0° longitude,
 * z to the north pole), km, Moon-centred. ENU at the site: x east, y north, z up (the sphere's
 * outward normal, radius 1737.4 km, SOURCES §3). Azimuth is measured from north through east.
 * Ephemeris: astronomy-engine, ±1′ (SOURCES §6).
 */
import { DEG, MOON_RADIUS_KM } from '../constants'
import { moonFixedMatrix, moonGeocentricKm, sunGeocentricKm } from '../ephemeris'
import { vec3, type Vec3 } from '../vec'

export interface SiteCoords {
  latDeg: number
  /** East longitude, 0…360. */
  lonDeg: number
  /** Ground height above the 1,737.4 km reference sphere, m. */
  elevationM: number
}

export const BASE_SITE: Readonly<SiteCoords> = Object.freeze({
  latDeg: -89.45, // Connecting Ridge, Gläser et al. 2014 (SOURCES §3 [E]); see the header
  lonDeg: 222.69,
  // The ridge crest stands ≈ 1.9–2 km above the reference sphere in LOLA polar DEMs (Mazarico
  // et al. 2011 maps); approximate, used only to place the base on the global Moon.
  elevationM: 1900,
})

/** Shackleton crater: centre 89.66° S, 129.20° E; 21 km wide, > 4 km deep (SOURCES §3 [C]). */
export const SHACKLETON = Object.freeze({ latDeg: -89.66, lonDeg: 129.2, diameterKm: 21, depthKm: 4.2 })
/** de Gerlache crater: 88.5° S, 87.1° W, 32.8 km wide (IAU Gazetteer of Planetary Nomenclature). */
export const DE_GERLACHE = Object.freeze({ latDeg: -88.5, lonDeg: -87.1, diameterKm: 32.8, depthKm: 3.0 })

/** Unit vector of a selenographic direction (Moon-fixed). */
export function moonFixedUnit(latDeg: number, lonDeg: number, out: Vec3 = vec3()): Vec3 {
  const la = latDeg * DEG,
    lo = lonDeg * DEG
  out.x = Math.cos(la) * Math.cos(lo)
  out.y = Math.cos(la) * Math.sin(lo)
  out.z = Math.sin(la)
  return out
}

/** The local frame's unit vectors in Moon-fixed coordinates. */
export interface EnuFrame {
  east: Vec3
  north: Vec3
  up: Vec3
}

export function enuFrameAt(latDeg: number, lonDeg: number): EnuFrame {
  const la = latDeg * DEG,
    lo = lonDeg * DEG
  return {
    east: vec3(-Math.sin(lo), Math.cos(lo), 0),
    north: vec3(-Math.sin(la) * Math.cos(lo), -Math.sin(la) * Math.sin(lo), Math.cos(la)),
    up: moonFixedUnit(latDeg, lonDeg),
  }
}

/** The base's ENU frame (Moon-fixed unit vectors). */
export const BASE_ENU: Readonly<EnuFrame> = enuFrameAt(BASE_SITE.latDeg, BASE_SITE.lonDeg)

/** The base origin (ground at the site) in Moon-fixed km. */
export function siteMoonFixedKm(out: Vec3 = vec3()): Vec3 {
  const r = MOON_RADIUS_KM + BASE_SITE.elevationM / 1000
  const u = BASE_ENU.up
  out.x = u.x * r
  out.y = u.y * r
  out.z = u.z * r
  return out
}

/** Local tangent-plane offset (km east, km north) of a selenographic point from the base origin. */
export function localOffsetKm(latDeg: number, lonDeg: number): { xKm: number; yKm: number } {
  const p = moonFixedUnit(latDeg, lonDeg)
  const u = BASE_ENU.up
  const dx = (p.x - u.x) * MOON_RADIUS_KM,
    dy = (p.y - u.y) * MOON_RADIUS_KM,
    dz = (p.z - u.z) * MOON_RADIUS_KM
  const e = BASE_ENU.east,
    n = BASE_ENU.north
  return { xKm: dx * e.x + dy * e.y + dz * e.z, yKm: dx * n.x + dy * n.y + dz * n.z }
}

export interface SkyDirection {
  /** Angle above the astronomical horizon (the tangent plane), degrees. */
  elevationDeg: number
  /** From north through east, 0…360 degrees. */
  azimuthDeg: number
  /** Distance from the base origin, km. */
  distanceKm: number
}

const _m = new Float64Array(9)
const _s = vec3(),
  _mo = vec3(),
  _f = vec3(),
  _site = vec3()

function toSky(vx: number, vy: number, vz: number, out: SkyDirection): SkyDirection {
  // Selenocentric EQJ → Moon-fixed, then topocentric (minus the site), then ENU.
  const fx = _m[0] * vx + _m[1] * vy + _m[2] * vz - _site.x
  const fy = _m[3] * vx + _m[4] * vy + _m[5] * vz - _site.y
  const fz = _m[6] * vx + _m[7] * vy + _m[8] * vz - _site.z
  const { east: E, north: N, up: U } = BASE_ENU
  const e = fx * E.x + fy * E.y + fz * E.z
  const n = fx * N.x + fy * N.y + fz * N.z
  const u = fx * U.x + fy * U.y + fz * U.z
  out.elevationDeg = Math.atan2(u, Math.hypot(e, n)) / DEG
  const az = Math.atan2(e, n) / DEG
  out.azimuthDeg = az < 0 ? az + 360 : az
  out.distanceKm = Math.hypot(fx, fy, fz)
  return out
}

const sky = (): SkyDirection => ({ elevationDeg: 0, azimuthDeg: 0, distanceKm: 0 })

/** The Sun's centre as seen from the base at tMs (UTC ms): elevation and azimuth, degrees. */
export function sunAtSite(tMs: number, out: SkyDirection = sky()): SkyDirection {
  sunGeocentricKm(tMs, _s)
  moonGeocentricKm(tMs, _mo)
  moonFixedMatrix(tMs, _m)
  siteMoonFixedKm(_site)
  return toSky(_s.x - _mo.x, _s.y - _mo.y, _s.z - _mo.z, out)
}

/** Earth's centre as seen from the base (topocentric: the 1,739 km parallax is included). */
export function earthAtSite(tMs: number, out: SkyDirection = sky()): SkyDirection {
  moonGeocentricKm(tMs, _mo)
  moonFixedMatrix(tMs, _m)
  siteMoonFixedKm(_site)
  return toSky(-_mo.x, -_mo.y, -_mo.z, out)
}

/**
 * Rotation ENU → EQJ at tMs, row-major Float64Array(9): its columns are east, north and up in
 * EQJ, so v_EQJ = out · (e, n, u). Place the base at moonGeocentric + out · (0, 0, R + h).
 */
export function enuToEqjMatrix(tMs: number, out: Float64Array = new Float64Array(9)): Float64Array {
  moonFixedMatrix(tMs, _m) // EQJ → fixed; its transpose maps fixed → EQJ
  const cols = [BASE_ENU.east, BASE_ENU.north, BASE_ENU.up]
  for (let c = 0; c < 3; c++) {
    const v = cols[c]
    mulT(v, _f)
    out[c] = _f.x
    out[3 + c] = _f.y
    out[6 + c] = _f.z
  }
  return out
}

function mulT(v: Vec3, out: Vec3): void {
  out.x = _m[0] * v.x + _m[3] * v.y + _m[6] * v.z
  out.y = _m[1] * v.x + _m[4] * v.y + _m[7] * v.z
  out.z = _m[2] * v.x + _m[5] * v.y + _m[8] * v.z
}

/** The base origin relative to the Moon's centre, EQJ km (add moonGeocentricKm for geocentric). */
export function siteEqjOffsetKm(tMs: number, out: Vec3 = vec3()): Vec3 {
  moonFixedMatrix(tMs, _m)
  mulT(siteMoonFixedKm(_site), out)
  return out
}
