/**
 * Osculating Kepler elements from a state vector and back (two-body, any consistent units), and
 * the mean motion, for every orbit in the simulation: the constellation's circular shells, the
 * heliocentric orbits of payloads after they leave the Earth–Moon system and the swarm's
 * per-payload elements that the GPU evaluates. Angles in radians.
 */
import { DEG } from './constants'
import { cross, vec3, wrapTwoPi } from './vec'

/** Mean obliquity of the ecliptic at J2000, 84,381.448″ = 23.4392911° (IAU 1976, Lieske et al. 1977). */
export const OBLIQUITY_J2000_RAD = 23.4392911 * DEG

export interface KeplerElements {
  /** Semi-major axis (negative for hyperbolae), length unit of the input. */
  a: number
  e: number
  /** Inclination, rad. */
  i: number
  /** Longitude of the ascending node Ω, rad. */
  raan: number
  /** Argument of periapsis ω, rad. */
  argp: number
  /** Mean anomaly M at the state's epoch, rad (hyperbolic mean anomaly when e > 1). */
  M: number
}

const _r = vec3(),
  _v = vec3(),
  _h = vec3(),
  _n = vec3(),
  _q = vec3()

/** EQJ (equatorial J2000) vector → ecliptic J2000: rotation about x by +ε. */
export function eqjToEcliptic(x: number, y: number, z: number, out: number[] | Float64Array, o = 0): void {
  const c = Math.cos(OBLIQUITY_J2000_RAD),
    s = Math.sin(OBLIQUITY_J2000_RAD)
  out[o] = x
  out[o + 1] = c * y + s * z
  out[o + 2] = -s * y + c * z
}

/** Elements of the state (r, v) about a body of gravitational parameter mu, in the frame of r and v. */
export function elementsFromState(r: ArrayLike<number>, v: ArrayLike<number>, mu: number): KeplerElements {
  const rx = r[0],
    ry = r[1],
    rz = r[2],
    vx = v[0],
    vy = v[1],
    vz = v[2]
  const rn = Math.hypot(rx, ry, rz)
  const v2 = vx * vx + vy * vy + vz * vz
  _r.x = rx
  _r.y = ry
  _r.z = rz
  _v.x = vx
  _v.y = vy
  _v.z = vz
  const { x: hx, y: hy, z: hz } = cross(_h, _r, _v)
  const hn = Math.hypot(hx, hy, hz)
  const rv = rx * vx + ry * vy + rz * vz
  // Eccentricity vector e = ((v² − μ/r) r − (r·v) v) / μ
  const k = v2 - mu / rn
  const ex = (k * rx - rv * vx) / mu,
    ey = (k * ry - rv * vy) / mu,
    ez = (k * rz - rv * vz) / mu
  const e = Math.hypot(ex, ey, ez)
  const energy = v2 / 2 - mu / rn
  const a = -mu / (2 * energy)
  const i = Math.acos(Math.min(1, Math.max(-1, hz / hn)))
  const nx = -hy,
    ny = hx // node vector ẑ × h
  const nn = Math.hypot(nx, ny)
  const raan = nn < 1e-12 * hn ? 0 : wrapTwoPi(Math.atan2(ny, nx))
  // Argument of periapsis and true anomaly, measured in the orbital plane
  let argp: number, nu: number
  const pcx = nn < 1e-12 * hn ? 1 : nx / nn,
    pcy = nn < 1e-12 * hn ? 0 : ny / nn // node direction
  // q = ĥ × n̂ completes the in-plane basis
  _n.x = pcx
  _n.y = pcy
  _n.z = 0
  cross(_q, _h, _n)
  const qx = _q.x / hn,
    qy = _q.y / hn,
    qz = _q.z / hn
  const argLat = Math.atan2(rx * qx + ry * qy + rz * qz, rx * pcx + ry * pcy)
  if (e < 1e-12) {
    argp = 0
    nu = argLat
  } else {
    argp = Math.atan2(ex * qx + ey * qy + ez * qz, ex * pcx + ey * pcy)
    nu = argLat - argp
  }
  let M: number
  if (e < 1) {
    const E = 2 * Math.atan2(Math.sqrt(1 - e) * Math.sin(nu / 2), Math.sqrt(1 + e) * Math.cos(nu / 2))
    M = wrapTwoPi(E - e * Math.sin(E))
  } else {
    const H = 2 * Math.atanh(Math.sqrt((e - 1) / (e + 1)) * Math.tan(nu / 2))
    M = e * Math.sinh(H) - H
  }
  return { a, e, i, raan: wrapTwoPi(raan), argp: wrapTwoPi(argp), M }
}

/** Solves Kepler's equation M = E − e sin E (elliptic) by Newton's method. */
function eccentricAnomaly(M: number, e: number): number {
  let E = e < 0.8 ? M : Math.PI
  for (let k = 0; k < 30; k++) {
    const d = (E - e * Math.sin(E) - M) / (1 - e * Math.cos(E))
    E -= d
    if (Math.abs(d) < 1e-14) break
  }
  return E
}

/** Position of an elliptic orbit (e < 1) at mean anomaly M; writes x, y, z into out[o..o+2]. */
export function positionFromElements(el: KeplerElements, M: number, out: number[] | Float64Array, o = 0): void {
  const E = eccentricAnomaly(wrapTwoPi(M), el.e)
  const xp = el.a * (Math.cos(E) - el.e),
    yp = el.a * Math.sqrt(1 - el.e * el.e) * Math.sin(E)
  const cO = Math.cos(el.raan),
    sO = Math.sin(el.raan),
    cw = Math.cos(el.argp),
    sw = Math.sin(el.argp)
  const ci = Math.cos(el.i),
    si = Math.sin(el.i)
  out[o] = (cO * cw - sO * sw * ci) * xp + (-cO * sw - sO * cw * ci) * yp
  out[o + 1] = (sO * cw + cO * sw * ci) * xp + (-sO * sw + cO * cw * ci) * yp
  out[o + 2] = sw * si * xp + cw * si * yp
}

/** Mean motion √(μ/a³) of an elliptic orbit of semi-major axis a about a body of parameter μ, rad per time unit of mu. */
export const meanMotion = (a: number, mu: number): number => Math.sqrt(mu / (a * a * a))
