/**
 * Named presets: partial scenarios applied over the default through validation, so a preset
 * can never carry an out-of-range value. Capabilities add their overrides to each preset.
 * Every value cites docs/SOURCES.md (SOURCES §N) here and in the description.
 */
import { MAX_FLIGHTS_PER_YEAR } from '../constellation/params'
import type { Scenario } from './schema'
import { defaultScenario, validateScenario } from './validate'

export interface Preset {
  id: string
  name: string
  description: string
  /** Fields that differ from the default scenario. */
  overrides: Record<string, Record<string, unknown>>
  /** Take the `base` and `massDriver` groups of this other preset (before this one's overrides). */
  moonFrom?: string
}

/** Old preset ids still accepted (saved links, scripts): id → current id. */
export const PRESET_ALIASES: Record<string, string> = { conservative: 'engineering' }

export const PRESETS: Preset[] = [
  {
    id: 'seed',
    name: 'Seed claims',
    description:
      "The announced figures: hourly Starship flights of 200 t (SOURCES §2); the FCC filing's 1,000,000 satellites, 1 t and 100 kW each, then 2, 5 and 8 t buses at the memo's 100 kW per tonne so 1 Mt/yr keeps flowing under the cap (SOURCES §1, §7); 5-year design life (SOURCES §7).",
    // The default scenario is the seed claims: every constellation default cites its source in constellation/params.ts.
    overrides: {},
  },
  {
    id: 'engineering',
    name: 'Engineering estimate',
    description:
      'Studies rather than announcements: a ramp to daily flights by 2033 (ASCEND, SOURCES §1), 25 kW of compute per tonne, then a 2 t bus at 29 kW/t from 2032 (studies 17–29 kW/t, JPL 34–59 kg/kW, SOURCES §1), array overhead 1.69 (JPL 5,640 m²/MW), 5-year design life (SOURCES §7).',
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
        // Starlink-V3-class 2 t bus (SOURCES §1 [E]) at the studies' upper 29 kW/t (SOURCES §1 [E]) ⇒ 58 kW.
        generations: [{ year: 2032, satelliteMassT: 2, computePowerKw: 58 }],
        // SOURCES §7: Starlink ~5-year design life [A].
        designLifeYears: 5,
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
  {
    id: 'suncatcher',
    name: 'Suncatcher-like',
    description:
      "Google's Project Suncatcher shape (SOURCES §1): every satellite in one 650 km dawn–dusk sun-synchronous shell (97.99°, ascending node 18:00), 2 t Starlink-V3-class buses (SOURCES §1) at the studies' 29 kW/t, a 5-year mission (SOURCES §1, §7), flights ramping to daily by 2035 when launch reaches Suncatcher's ≲ $200/kg (SOURCES §1), hourly from 2040 (SOURCES §2); Moon as the engineering estimate.",
    moonFrom: 'engineering',
    overrides: {
      constellation: {
        // SOURCES §1: ASCEND "hundreds of launches per year" [E]; Suncatcher cost parity at ≲ $200/kg by the mid-2030s [E] ⇒ daily by 2035;
        // SOURCES §2: hourly Starship flights (8,766/yr) [A] from 2040 (model choice: five years after parity).
        launchCadence: [
          [2026, 5],
          [2030, 50],
          [2035, 365],
          [2040, MAX_FLIGHTS_PER_YEAR],
        ],
        // SOURCES §2: V3 > 100 t, V4 / memo 200+ t [A].
        payloadT: [
          [2026, 100],
          [2032, 200],
        ],
        // SOURCES §1: Starlink V3 ~2 t [E]; studies 17–29 kW/t [E] ⇒ 2 t × 29 kW/t = 58 kW.
        satelliteMassT: 2,
        computePowerKw: 58,
        generations: [],
        // SOURCES §1: Suncatcher's radiation dose is for a 5-year mission [E]; SOURCES §7: Starlink ~5 years [A].
        designLifeYears: 5,
        // SOURCES §1: Suncatcher dawn–dusk SSO at 650 km (97.99°), 18:00 ascending node; planes within a few degrees of the terminator.
        shells: [{ altitudeKm: 650, inclinationMode: 'sso', inclinationDeg: 97.99, ltanHours: 18, raanSpreadDeg: 8, sharePct: 100, targetCount: 1_000_000 }],
      },
    },
  },
]

/** The preset with this id (or an old alias of it), or undefined. */
export const findPreset = (id: string): Preset | undefined => {
  const real = PRESET_ALIASES[id] ?? id
  return PRESETS.find((x) => x.id === real)
}

export function presetScenario(id: string): Scenario | null {
  const p = findPreset(id)
  if (!p) return null
  const moon = p.moonFrom ? findPreset(p.moonFrom)?.overrides : undefined
  const groups = { ...(moon?.base ? { base: moon.base } : {}), ...(moon?.massDriver ? { massDriver: moon.massDriver } : {}), ...p.overrides }
  const r = validateScenario({ ...groups, name: p.name }, defaultScenario())
  if (!r.ok) throw new Error(`Preset ${p.id} is invalid: ${r.errors.map((e) => e.message).join(' ')}`)
  return r.scenario
}
