// Types for the parts of astronomia (a dev dependency: Meeus's algorithms, VSOP87, ELP/MPP02) that
// the unit tests use as an independent ephemeris. The package ships JavaScript only.
declare module 'astronomia/elp' {
  /** ELP/MPP02 lunar theory (Chapront & Francou 2003) over a data series (e.g. astronomia/data/elpMppDe). */
  export class Moon {
    constructor(data: object)
    /** Geocentric rectangular coordinates, km, inertial mean ecliptic and equinox of J2000. */
    positionXYZ(jde: number): { x: number; y: number; z: number }
  }
}
declare module 'astronomia/planetposition' {
  /** A planet by the full VSOP87 theory over a data series (e.g. astronomia/data/vsop87Bearth). */
  export class Planet {
    constructor(data: object)
    /** Heliocentric ecliptic longitude and latitude (radians), range (AU); dynamical ecliptic and equinox J2000. */
    position2000(jde: number): { lon: number; lat: number; range: number }
  }
}
declare module 'astronomia/apsis' {
  /** Meeus, Astronomical Algorithms ch. 50: the perigee nearest a decimal year, as a JDE. */
  export function perigee(year: number): number
  export function apogee(year: number): number
  /** Equatorial horizontal parallax at that perigee / apogee, radians. */
  export function perigeeParallax(year: number): number
  export function apogeeParallax(year: number): number
  /** Earth–Moon centre distance, km, from a parallax in radians. */
  export function distance(parallax: number): number
}
declare module 'astronomia/deltat' {
  /** ΔT = TD − UT, seconds, for a decimal year (Espenak & Meeus polynomials). */
  export function deltaT(decimalYear: number): number
}
declare module 'astronomia/data/elpMppDe' {
  const data: object
  export default data
}
declare module 'astronomia/data/vsop87Bearth' {
  const data: object
  export default data
}
