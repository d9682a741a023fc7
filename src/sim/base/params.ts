/**
 * Scenario parameters of Moon Base Alpha (group "base"), each with its unit, range and cited
 * default. "SOURCES §n" is docs/SOURCES.md; "model choice" marks Terawatt's own
 * assumptions, which the scenario panel lets a user change.
 */
import { G0_M_S2 } from '../constants'
import { num, sched, type ValuesOf } from '../scenario/types'

export const baseSchema = {
  firstLandingYear: num({
    label: 'First cargo landing',
    unit: 'year',
    min: 2026,
    max: 2100,
    default: 2032,
    step: 0.25,
    source: 'Terawatt default: Starship HLS cargo after the Artemis landings (SOURCES §2 HLS contracts); model choice',
  }),
  cargoLandings: sched({
    label: 'Cargo landings per year',
    unit: 'landings/yr',
    min: 0,
    max: 2000,
    interpolation: 'step',
    default: [
      [2032, 2],
      [2034, 6],
      [2036, 12],
      [2040, 24],
      [2045, 50],
      [2050, 100],
    ],
    source: 'Model choice; each landing needs ~10–16 tanker flights (SOURCES §2), so 100/yr uses ~1,300 of the 8,766 hourly flights',
    help: 'Starship (HLS) cargo landings at the base per year; each value holds until the next point.',
  }),
  payloadPerLandingT: num({
    label: 'Payload per landing',
    unit: 't',
    min: 1,
    max: 300,
    default: 100,
    source: 'SOURCES §2: Starship V3 > 100 t; HLS cargo variant [A]',
  }),
  tankerFlightsPerLanding: num({
    label: 'Tanker flights per landing',
    unit: 'flights',
    min: 0,
    max: 40,
    default: 12,
    integer: true,
    source: 'SOURCES §2: ~10 (SpaceX) to "high teens" (NASA 2023); GAO 16 launches [E/A]',
  }),
  crewPerLanding: num({
    label: 'People per landing (average)',
    unit: 'people',
    min: 0,
    max: 100,
    default: 4,
    source: 'Model choice: Artemis HLS lands 2 crew; SpaceX has announced Starships for ~100 people [A]',
  }),
  crewTourYears: num({
    label: 'Crew tour length',
    unit: 'yr',
    min: 0.25,
    max: 50,
    default: 2,
    source: 'Model choice (Antarctic winter-over 1 yr; ISS tours 0.5–1 yr)',
  }),
  powerMassSharePct: num({
    label: 'Delivered mass: solar arrays',
    unit: '%',
    min: 0,
    max: 100,
    default: 40,
    source: 'Model choice: the first loads are mostly power, habitats, mining and factory kit',
  }),
  solarSpecificPowerWPerKg: num({
    label: 'Solar tower specific power',
    unit: 'W/kg',
    min: 5,
    max: 1000,
    default: 60,
    source: 'SOURCES §1: ISS iROSA ~59 W/kg; integrated panels ~500 W/kg (Gaalema) [E]; tower structure included',
  }),
  illuminationFraction: num({
    label: 'Site illumination',
    unit: 'fraction',
    min: 0.3,
    max: 1,
    default: 0.92,
    source: 'SOURCES §3: Connecting Ridge 92.3 % at 2 m, 95.7 % at 10 m (Gläser 2014) [E]; terrain model 94 % (illumination.ts)',
  }),
  energyPerKgKWh: num({
    label: 'Energy per kg of satellite',
    unit: 'kWh/kg',
    min: 5,
    max: 5000,
    default: 50,
    source:
      'Estimate: reducing highland regolith (SOURCES §3 oxides; ΔHf SiO₂ 911 kJ/mol, Al₂O₃ 1,676 kJ/mol) ≈ 4 kWh/kg, ≈ 10 kWh/kg by molten regolith electrolysis at ~40 %; refining and fabrication ×5 (Al smelting ~15 kWh/kg, IAI)',
  }),
  factoryPowerSharePct: num({
    label: 'Factory share of power',
    unit: '%',
    min: 0,
    max: 100,
    default: 70,
    source: 'Model choice: after life support the mass driver takes what its rate needs, at most the rest of this share; the factories run on the remainder',
  }),
  selfBuildSharePct: num({
    label: 'Output kept as base solar arrays',
    unit: '%',
    min: 0,
    max: 100,
    default: 12,
    source:
      'Model choice: the base grows its own power from regolith-made arrays (the bootstrapping in SOURCES §4, Musk [A]); 12 % lets power keep pace with factories doubling yearly (SOURCES §7)',
  }),
  factoryMassSharePct: num({
    label: 'Delivered mass: factory kit',
    unit: '%',
    min: 0,
    max: 100,
    default: 30,
    source: 'Model choice: the seed factory comes from Earth (NASA CP-2255 lunar seed: 100 t, SOURCES §7)',
    help: 'Share of each cargo landing that is factory equipment; it sets the factories’ first capacity.',
  }),
  factoryDoublingYears: num({
    label: 'Factory doubling time',
    unit: 'yr',
    min: 0.5,
    max: 50,
    default: 1,
    step: 0.1,
    source:
      'SOURCES §7: NASA CP-2255 (Freitas & Gilbreath 1982) self-replicating lunar factory, a 100 t seed that copies itself in ~1 yr [E] (the seed claims); the §7 illustration uses 2 yr [D]',
    help: 'Factories build factories: their capacity doubles in this time while power allows (the new factories’ mass comes from their output).',
  }),
  siteArrayAreaKm2: num({
    label: 'Collecting area at the site',
    unit: 'km²',
    min: 0.01,
    max: 1000,
    default: 5,
    source: 'SOURCES §7: a polar ridge offers a few km² of near-constant light (Gläser 2014, Bussey 2010) [E]; model choice 5 km²',
    help: 'Arrays beyond this area stand elsewhere on the Moon, lit only part of each lunar day.',
  }),
  elsewhereIlluminationFraction: num({
    label: 'Illumination away from the pole',
    unit: 'fraction',
    min: 0.05,
    max: 0.5,
    default: 0.25,
    step: 0.01,
    source:
      'SOURCES §7: a flat array at the equator averages S/π ≈ 32 % of its peak over a lunation (14.8 d day, 14.8 d night, SOURCES §3), the whole sphere S/4 = 25 % [D]; night storage losses extra',
  }),
  lifeSupportKwPerPerson: num({
    label: 'Life support power per person',
    unit: 'kW',
    min: 0,
    max: 200,
    default: 15,
    source: 'Estimate: ISS ~90 kW of average power for 7 crew ≈ 13 kW/person (NASA ISS fact sheet)',
  }),
  massDriverYear: num({
    label: 'Mass driver in service',
    unit: 'year',
    min: 2026,
    max: 2100,
    default: 2040,
    step: 0.25,
    source: 'Model choice: after factories run (SOURCES §4 Musk: factories plus a mass driver [A])',
  }),
} as const

/** The base group's values, as the schema defines them. */
export type BaseParams = ValuesOf<typeof baseSchema>

/**
 * The mass driver's own figures (exit speed, g-load, rate, efficiency, azimuth) live in the
 * scenario group "massDriver" (src/sim/massDriver/params.ts); the base reads them from there.
 * Without that group it uses NASA SP-413 (SOURCES §4): 2,400 m/s, 29.4 g, 50 kg/s, 60 % (O'Neill),
 * and the layout's azimuth along the crest.
 */
export const SP413_DRIVER = Object.freeze({
  exitSpeedMs: 2400,
  accelerationG: 29.4,
  rateKgS: 50,
  efficiency: 0.6,
  azimuthDeg: 70,
})

/** Track length L = v² / 2a, m (SOURCES §4): 2,400 m/s at 29.4 g → 9.99 km; at 30 g → 9.79 km. */
export const trackLengthM = (exitSpeedMS: number, accelG: number): number => (exitSpeedMS * exitSpeedMS) / (2 * accelG * G0_M_S2)
