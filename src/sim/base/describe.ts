/**
 * What a clicked structure is, with its numbers and where each comes from (the click panel).
 * Values are per structure where that makes sense, with the base's totals alongside.
 */
import { SOLAR_CONSTANT_W_M2 } from '../constants'
import { UNIT, type BaseState, type StructureKind } from './growth'

export interface DescribeLine {
  label: string
  value: number | string
  unit: string
  source: string
}

export interface StructureDescription {
  title: string
  lines: DescribeLine[]
}

const MODEL = 'Terawatt growth model (src/sim/base/growth.ts)'
const per = (total: number, n: number) => (n > 0 ? total / n : 0)
const illumPct = (s: BaseState) => (s.solarPeakW > 0 ? `${((100 * s.solarAverageW) / s.solarPeakW).toFixed(1)} %` : 'n/a')
const line = (label: string, value: number | string, unit: string, source: string): DescribeLine => ({ label, value, unit, source })

export function describeStructure(kind: StructureKind, s: BaseState): StructureDescription {
  const n = s.structures[kind]
  const count = line('Built', n, '', MODEL)
  switch (kind) {
    case 'landingPad':
      return {
        title: 'Landing pad',
        lines: [
          count,
          line('Capacity', UNIT.padLandingsPerYear, 'landings/yr', 'Model choice: ~2 weeks of turnaround per Starship'),
          line('Cargo landings so far', s.cargoLandings, '', MODEL),
          line('Tanker flights for them', s.tankerFlights, '', 'SOURCES §2: ~10–16 tanker flights per landing'),
          line('Delivered', s.deliveredT, 't', 'SOURCES §2: > 100 t per Starship V3'),
        ],
      }
    case 'habitat':
      return {
        title: 'Habitat',
        lines: [
          count,
          line('Capacity', UNIT.habitatPeople, 'people', 'Model choice (ISS: 916 m³ pressurised for 7 crew, NASA)'),
          line('Population', s.population, 'people', MODEL),
          line('Life support power', s.lifeSupportW, 'W', 'ISS ≈ 13 kW per person (NASA ISS fact sheet)'),
        ],
      }
    case 'solarTower':
      return {
        title: 'Vertical sun-tracking solar tower',
        lines: [
          count,
          line('Peak power', UNIT.solarTowerW, 'W', `50 m × 100 m at ~400 W/m² (${SOLAR_CONSTANT_W_M2} W/m² × ~30 %, SOURCES §1)`),
          line('Base peak power', s.solarPeakW, 'W', 'delivered arrays × W/kg (SOURCES §1) + arrays made on site'),
          line(
            'Base average power',
            s.solarAverageW,
            'W',
            `site arrays × site illumination, arrays elsewhere × lunation average; overall ${illumPct(s)} (SOURCES §3: 92.3 % at 2 m, Gläser 2014; §7)`,
          ),
          line('Arrays at the site', s.siteArrayAreaM2, 'm²', 'up to the scenario’s site collecting area ("a few km²", SOURCES §7)'),
          line('Arrays elsewhere on the Moon', s.elsewhereArrayAreaM2, 'm²', 'beyond the site; at most the Moon’s surface, 3.79e7 km² (SOURCES §7)'),
          line('Power in use', s.powerUsedW, 'W', MODEL),
          line('What limits the base now', s.bindingLimit, '', MODEL),
        ],
      }
    case 'radiator':
      return {
        title: 'Radiator field',
        lines: [
          count,
          line('Heat rejected (capacity)', UNIT.radiatorW, 'W', 'Model choice: ~250 W/m² net on the Moon (cf. 633 W/m² in orbit, SOURCES §1)'),
          line('Base heat load', s.powerUsedW, 'W', 'all power used ends as heat'),
        ],
      }
    case 'miningRig':
      return {
        title: 'Regolith mining rig',
        lines: [
          count,
          line('Capacity', UNIT.miningRigTPerYear, 't regolith/yr', 'Model choice'),
          line('Regolith needed', s.factoryOutputTPerYear / UNIT.regolithYield, 't/yr', 'output ÷ 0.2 yield (Si 21 %, Al 14 %, SOURCES §3)'),
          line('Regolith mined so far', s.regolithMinedT, 't', MODEL),
        ],
      }
    case 'factory':
      return {
        title: 'Satellite factory (regolith → satellites)',
        lines: [
          count,
          line('Power each', per(s.factoryPowerW, n), 'W', MODEL),
          line('Output each', per(s.factoryOutputTPerYear, n), 't/yr', 'power ÷ energy per kg (params.ts energyPerKgKWh)'),
          line('Base output', s.factoryOutputTPerYear, 't/yr', MODEL),
          line('Factory mass', s.factoryMassT, 't', 'delivered kit + factories built by factories (doubling time: scenario, SOURCES §7 NASA CP-2255)'),
          line('Output the factories could make', s.factoryCapacityTPerYear, 't/yr', 'a factory makes its own mass a year (SOURCES §7, NASA CP-2255)'),
          line('Satellites made', s.satellitesMadeCount, '', 'made mass ÷ satellite mass (SOURCES §1: 1 t)'),
        ],
      }
    case 'storage':
      return {
        title: 'Storage yard',
        lines: [count, line('Capacity', UNIT.storageT, 't', 'Model choice'), line('Waiting to launch', s.storedT, 't', MODEL)],
      }
    case 'massDriver':
      return {
        title: 'Mass driver',
        lines: [
          line('Track length', s.massDriverTrackLengthM, 'm', 'L = v²/2a (SOURCES §4; SP-413: 2,400 m/s at 29.4 g → 10 km)'),
          line(
            'Capacity',
            s.massDriverCapacityTPerYear,
            't/yr',
            'min(planned shots/h, tracks × 3,600 s ÷ time on the track) × payload (SOURCES §4; SP-413 50 kg/s = 1.58 Mt/yr), limited by the power left',
          ),
          line('What limits the throw now', s.bindingLimit, '', MODEL),
          line('Power', s.massDriverPowerW, 'W', "½v² per kg ÷ efficiency (SOURCES §4: > 60 %, O'Neill 1976)"),
          line('Launched', s.satellitesLaunchedT, 't', MODEL),
        ],
      }
  }
}
