/**
 * Named presets: partial scenarios applied over the default through validation, so a preset
 * can never carry an out-of-range value. Capabilities add their overrides to each preset.
 */
import type { Scenario } from './schema'
import { defaultScenario, validateScenario } from './validate'

export interface Preset {
  id: string
  name: string
  description: string
  /** Fields that differ from the default scenario. */
  overrides: Record<string, Record<string, unknown>>
}

export const PRESETS: Preset[] = [
  {
    id: 'seed',
    name: 'Seed claims',
    description: 'The announced figures: hourly Starship flights of 200 t, a million 1-t satellites at 100 kW each (SOURCES §1–2).',
    overrides: {},
  },
  {
    id: 'conservative',
    name: 'Conservative engineering',
    description: 'Studies rather than announcements: slower ramp and about 25 kW of compute per tonne (SOURCES §1, JPL 34–59 kg/kW).',
    overrides: {
      // SOURCES §1: ASCEND "hundreds of launches per year" [E]; studies 17–29 kW/t [E]; JPL 5,640 m²/MW ⇒ array overhead 1.69 [D].
      constellation: {
        launchCadence: [
          [2026, 5],
          [2028, 25],
          [2030, 100],
          [2033, 365],
        ],
        payloadT: [
          [2026, 100],
          [2035, 200],
        ],
        computePowerKw: 25,
        arrayOverhead: 1.69,
      },
      // SOURCES §2: GAO 16 tanker launches per landing [E]; SOURCES §3: 92.3 % lit at 2 m (Gläser 2014) [E];
      // SOURCES §1: ISS iROSA ~59 W/kg, towers heavier ⇒ 30 W/kg; slower landings, costlier fabrication (model choice).
      base: {
        firstLandingYear: 2034,
        cargoLandings: [
          [2034, 1],
          [2036, 4],
          [2040, 10],
          [2045, 25],
          [2050, 50],
        ],
        tankerFlightsPerLanding: 16,
        solarSpecificPowerWPerKg: 30,
        illuminationFraction: 0.9,
        energyPerKgKWh: 100,
        selfBuildSharePct: 5,
        // SOURCES §7: slower than NASA CP-2255's 1-yr seed; the §7 illustration's 2 yr, plus margin (model choice).
        factoryDoublingYears: 3,
        siteArrayAreaKm2: 2,
        massDriverYear: 2045,
      },
      // SOURCES §4: SP-413 29.4 g [E]; SOURCES §1: studies 17–29 kW/t [E]; slower shot ramp (model choice, after the base's 2045 driver).
      massDriver: {
        accelerationG: 30,
        computeKwPerTonne: 25,
        shotsPerHour: [
          [2045, 0],
          [2050, 50],
          [2060, 500],
        ],
        // One track at 30 g fires at most 423 shots/h (8.5 s on the track each, SOURCES §4); a second from 2080 (model choice).
        tracks: [
          [2045, 1],
          [2080, 2],
        ],
      },
    },
  },
]

export function presetScenario(id: string): Scenario | null {
  const p = PRESETS.find((x) => x.id === id)
  if (!p) return null
  const r = validateScenario({ ...p.overrides, name: p.name }, defaultScenario())
  if (!r.ok) throw new Error(`Preset ${id} is invalid: ${r.errors.map((e) => e.message).join(' ')}`)
  return r.scenario
}
