/**
 * Scenario parameters of the orbital compute constellation (group "constellation"), each with its
 * unit, range and cited default. "SOURCES §n" is docs/SOURCES.md.
 */
import { SECONDS_PER_YEAR } from '../constants'
import { bool, enm, list, num, sched, type ValuesOf } from '../scenario/types'

/** Hourly launches: 365.25 × 24 = 8,766 flights per year — SOURCES §2 [A/D]. */
export const MAX_FLIGHTS_PER_YEAR = SECONDS_PER_YEAR / 3600
/** At most 16 shells: the orbit shader's uniform arrays are sized by this (src/scene/earth/orbitShader.ts). */
export const MAX_CONSTELLATION_SHELLS = 16

export const SITE_OPTIONS = ['starbase', 'ksc-lc39a', 'other'] as const
export const SITE_NAMES: Record<(typeof SITE_OPTIONS)[number], string> = {
  starbase: 'Starbase, Texas',
  'ksc-lc39a': 'KSC LC-39A, Florida',
  other: 'Other site',
}

export const shellSchema = {
  altitudeKm: num({ label: 'Altitude', unit: 'km', min: 300, max: 2000, default: 650, source: 'SOURCES §1: FCC filing 500–2,000 km; Suncatcher 650 km' }),
  inclinationMode: enm({
    label: 'Inclination',
    options: ['sso', 'fixed'] as const,
    default: 'sso',
    source: 'SOURCES §1: FCC filing, 30° and SSO shells',
    help: 'sso: sun-synchronous, the inclination follows from the altitude; fixed: the inclination below.',
  }),
  inclinationDeg: num({ label: 'Inclination (fixed)', unit: '°', min: 0, max: 180, default: 30, source: 'SOURCES §1: FCC filing, 30° shells' }),
  ltanHours: num({
    label: 'Local time of ascending node (SSO)',
    unit: 'h',
    min: 0,
    max: 24,
    default: 18,
    source: 'SOURCES §1: Suncatcher dawn–dusk SSO (18:00 ascending node)',
    help: 'For sun-synchronous shells: 18 or 6 is a dawn–dusk orbit riding the terminator; 12 is noon–midnight.',
  }),
  raanSpreadDeg: num({
    label: 'Spread of orbital planes (RAAN)',
    unit: '°',
    min: 0,
    max: 360,
    default: 360,
    source: 'Terawatt model choice: 360° fills the shell; a few degrees keeps SSO planes near their local time',
  }),
  sharePct: num({ label: 'Share of deployments', unit: '%', min: 0, max: 100, default: 20, source: 'Terawatt default split of the FCC shells (SOURCES §1)' }),
  targetCount: num({
    label: 'Target satellites',
    unit: 'satellites',
    min: 0,
    max: 10_000_000,
    default: 200_000,
    integer: true,
    source: 'share × 1,000,000 (SOURCES §1 FCC filing)',
  }),
} as const

export const siteSchema = {
  site: enm({ label: 'Launch site', options: SITE_OPTIONS, default: 'starbase', source: 'SOURCES §2: Starship launch sites' }),
  latDeg: num({ label: 'Latitude', unit: '° N', min: -90, max: 90, default: 25.997, source: 'SOURCES §2: Starbase 25.997° N' }),
  lonDeg: num({ label: 'Longitude', unit: '° E', min: -180, max: 180, default: -97.155, source: 'SOURCES §2: Starbase 97.155° W' }),
  sharePct: num({ label: 'Share of launches', unit: '%', min: 0, max: 100, default: 50, source: 'Terawatt default: even split' }),
} as const

/**
 * A later generation of compute satellite: from its launch year on, new satellites have this mass
 * and compute power (the first generation is `satelliteMassT` / `computePowerKw`). Satellites
 * already in orbit keep theirs until they retire.
 */
export const generationSchema = {
  year: num({ label: 'From launch year', unit: 'year', min: 2000, max: 2300, default: 2032, source: 'Terawatt model choice: the year a new bus flies' }),
  satelliteMassT: num({
    label: 'Satellite mass',
    unit: 't',
    min: 0.1,
    max: 150,
    default: 2,
    source: 'SOURCES §1: Starlink V3 ~2 t; 16 MW, 150 t monolith (Gaalema) [E]',
  }),
  computePowerKw: num({
    label: 'Compute power per satellite',
    unit: 'kW',
    min: 1,
    max: 20_000,
    default: 200,
    source: 'SOURCES §1: memo 100 kW per tonne [A]; studies 17–29 kW/t [E]',
  }),
} as const

/** One orbital shell of a scenario (an item of `Scenario['constellation']['shells']`). */
export type ShellValue = ValuesOf<typeof shellSchema>
const shell = (altitudeKm: number, mode: 'sso' | 'fixed', inclinationDeg: number, ltanHours: number, raanSpreadDeg: number, sharePct: number): ShellValue => ({
  altitudeKm,
  inclinationMode: mode,
  inclinationDeg,
  ltanHours,
  raanSpreadDeg,
  sharePct,
  targetCount: sharePct * 10_000, // share of the FCC filing's 1,000,000 (SOURCES §1)
})

export const constellationSchema = {
  launchCadence: sched({
    label: 'Starship flights per year',
    unit: 'flights/yr',
    min: 0,
    max: MAX_FLIGHTS_PER_YEAR,
    interpolation: 'step',
    default: [
      [2026, 20],
      [2027, 100],
      [2028, 365],
      [2029, MAX_FLIGHTS_PER_YEAR],
    ],
    source: 'SOURCES §2 and "Default scenario": ~20 → ~100 → daily → hourly (8,766/yr) [A]',
    help: 'Constellation flights per year; each value holds from its year until the next point.',
  }),
  payloadT: sched({
    label: 'Payload per flight',
    unit: 't',
    min: 1,
    max: 300,
    interpolation: 'linear',
    default: [
      [2026, 100],
      [2029, 200],
    ],
    source: 'SOURCES §2: V3 > 100 t, V4 / memo 200+ t [A]',
  }),
  computeShare: num({
    label: 'Share of each flight that is compute satellites',
    unit: '',
    min: 0.01,
    max: 1,
    default: 1,
    source: 'SOURCES §1 memo: every flight carries satellites [A]',
  }),
  satelliteMassT: num({
    label: 'Satellite mass',
    unit: 't',
    min: 0.1,
    max: 150,
    default: 1,
    source: 'SOURCES §1: 1 Mt/yr ↔ 1M satellites ⇒ 1 t each [D]; Starlink V3 2 t; 150 t monolith (Gaalema) [E]',
  }),
  computePowerKw: num({
    label: 'Compute power per satellite',
    unit: 'kW',
    min: 1,
    max: 20_000,
    default: 100,
    source: 'SOURCES §1 memo: 100 kW per tonne [A]; studies 17–29 kW/t [E]',
  }),
  generations: list({
    label: 'Later satellite generations',
    item: generationSchema,
    minItems: 0,
    maxItems: 8,
    default: [
      // Starlink-V3-class 2 t bus at the memo's 100 kW per tonne (SOURCES §1 [E]/[A]).
      { year: 2030, satelliteMassT: 2, computePowerKw: 200 },
      // Sustaining the memo's 1 Mt/yr under the 1,000,000 cap with a 5-year life: 1 Mt ÷ 200,000 a year = 5 t each (SOURCES §1, §7 [D]).
      { year: 2033, satelliteMassT: 5, computePowerKw: 500 },
      // The largest bus whose replacement fits hourly 200 t flights: 1.75 Mt/yr ÷ 200,000 a year ≈ 8.7 t; 8 t at 100 kW/t (SOURCES §2, §7 [D]).
      { year: 2045, satelliteMassT: 8, computePowerKw: 800 },
    ],
    source: 'SOURCES §1 memo (1 Mt/yr at 100 kW/t) and §7 (5-year design life): heavier buses keep 1 Mt/yr flowing under the cap [D]',
    help: 'From each launch year on, new satellites have this mass and compute power; satellites in orbit keep theirs until they retire.',
  }),
  designLifeYears: num({
    label: 'Satellite design life',
    unit: 'yr',
    min: 0.5,
    max: 100,
    default: 5,
    source: 'SOURCES §7: Starlink ~5 years [A]; Suncatcher 5-year mission dose (SOURCES §1) [E]',
    help: 'Each satellite deorbits this long after it reaches its shell; launches replace it while the cadence allows.',
  }),
  cellEfficiency: num({ label: 'Solar cell efficiency', unit: '', min: 0.05, max: 0.5, default: 0.22, source: 'SOURCES §1: Starcloud white paper, 22 % [A]' }),
  arrayOverhead: num({
    label: 'Array area overhead',
    unit: '×',
    min: 1,
    max: 3,
    default: 1,
    source: 'SOURCES §1: Starcloud 312 W/m² at 22 % ≈ ideal (1.0); JPL 5,640 m²/MW ⇒ 1.69 [D]',
    help: 'Array area ÷ the ideal area P / (η × 1360.8 W/m²): packing, pointing, degradation, conversion.',
  }),
  radiatorTempK: num({ label: 'Radiator temperature', unit: 'K', min: 200, max: 500, default: 293, source: 'SOURCES §1: Starcloud radiator at 20 °C [E]' }),
  radiatorEmissivity: num({ label: 'Radiator emissivity', unit: '', min: 0.5, max: 1, default: 0.92, source: 'SOURCES §1: Starcloud ε 0.92 [E]' }),
  shells: list({
    label: 'Orbital shells',
    item: shellSchema,
    minItems: 1,
    maxItems: MAX_CONSTELLATION_SHELLS,
    default: [
      shell(650, 'sso', 97.99, 18, 8, 40), // Suncatcher dawn–dusk SSO (SOURCES §1)
      shell(550, 'fixed', 30, 12, 360, 15), // FCC 30° shell (SOURCES §1)
      shell(1000, 'sso', 99.5, 6, 20, 20), // FCC SSO shell, dusk–dawn
      shell(1400, 'fixed', 30, 12, 360, 10), // FCC 30° shell
      shell(2000, 'sso', 104.9, 18, 30, 15), // FCC upper bound 2,000 km, SSO
    ],
    source: 'SOURCES §1: FCC filing 500–2,000 km at 30° and SSO; Suncatcher 650 km dawn–dusk SSO',
  }),
  sites: list({
    label: 'Launch sites',
    item: siteSchema,
    minItems: 1,
    maxItems: 8,
    default: [
      { site: 'starbase', latDeg: 25.997, lonDeg: -97.155, sharePct: 50 },
      { site: 'ksc-lc39a', latDeg: 28.608, lonDeg: -80.604, sharePct: 50 },
    ],
    source: 'SOURCES §2: Starbase (25.997° N, 97.155° W); KSC LC-39A (28.608° N, 80.604° W)',
  }),
  maxSatellites: num({
    label: 'Constellation cap (satellites in orbit at once)',
    unit: 'satellites',
    min: 0,
    max: 10_000_000,
    default: 1_000_000,
    integer: true,
    source: 'SOURCES §1: FCC filing, up to 1,000,000 satellites [A]',
  }),
  seed: num({ label: 'Placement seed', unit: '', min: 0, max: 4294967295, default: 1, integer: true, source: 'Terawatt: seeds the plane and phase placement' }),
  enabled: bool({ label: 'Launch the constellation', default: true, source: 'Terawatt' }),
} as const

/**
 * The constellation group of a scenario, derived from the schema: the same type as
 * `Scenario['constellation']` (declared here, not from schema.ts, so no module imports back).
 */
export type ConstellationParams = ValuesOf<typeof constellationSchema>
