/**
 * Physical constants, SI units unless the name says otherwise. Each cites its source:
 * "SOURCES §n" is docs/SOURCES.md, which gives the primary source and a tag
 * ([C] constant, [E] engineering figure, [A] announcement, [D] derived).
 */

// Earth — SOURCES §6: WGS-84 / EGM [C]
export const EARTH_RADIUS_KM = 6378.137
export const EARTH_GM_KM3_S2 = 398600.4418
export const EARTH_J2 = 1.08263e-3

// Moon — SOURCES §3 [C]
export const MOON_RADIUS_KM = 1737.4
export const MOON_GM_KM3_S2 = 4902.8
export const MOON_SURFACE_GRAVITY_M_S2 = 1.62

/** Standard gravity, m/s² (CGPM 1901, exact): the unit of accelerations quoted in g. */
export const G0_M_S2 = 9.80665

// Sun — SOURCES §6 (GM) [C], §5 (IAU 2015 B3 nominal luminosity) [C]; IAU 2015 B3 nominal radius.
export const SUN_GM_KM3_S2 = 1.32712440018e11
export const SUN_LUMINOSITY_W = 3.828e26
export const SUN_RADIUS_KM = 695700 // IAU 2015 Resolution B3 nominal solar radius
/** Total solar irradiance at 1 AU — SOURCES §1: Kopp & Lean 2011 [C]. */
export const SOLAR_CONSTANT_W_M2 = 1360.8

export const AU_KM = 149597870.7 // SOURCES §6 [C]
export const STEFAN_BOLTZMANN = 5.670374419e-8 // W m⁻² K⁻⁴, SOURCES §1 [C]

/** Sun-synchronous nodal rate: 360° per tropical year — SOURCES §6: 0.98565 °/day [C]. */
export const SSO_NODAL_RATE_DEG_PER_DAY = 0.98565

export const SECONDS_PER_DAY = 86400
export const MS_PER_DAY = 86400000
/** Julian year, 365.25 days (IAU). */
export const SECONDS_PER_YEAR = 365.25 * SECONDS_PER_DAY
export const DEG = Math.PI / 180
