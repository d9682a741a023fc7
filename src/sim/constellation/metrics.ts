/**
 * Constellation metrics over time and the sizing of one satellite from the power model.
 * Cheap: the launch sequence is generated once per scenario (cached) and read by binary search.
 */
import { SOLAR_CONSTANT_W_M2, STEFAN_BOLTZMANN } from '../constants'
import type { Scenario } from '../scenario/schema'
import type { ConstellationParams } from './params'
import { LaunchSchedule } from './schedule'

/** All of Earth's data centres: 415 TWh in 2024 ≈ 47 GW average (IEA, SOURCES §5 [E]). */
export const EARTH_DATA_CENTRES_W = 47e9
/**
 * Net two-sided radiator flux of the Starcloud design, 633 W/m² at 20 °C, ε 0.92, α 0.09
 * (SOURCES §1 [E]); its ratio to the ideal two-sided 2εσT⁴ (≈ 771 W/m²) is the net fraction
 * used for every temperature and emissivity (sunlight and Earth IR absorbed). [D]
 */
export const STARCLOUD_NET_RADIATOR_W_M2 = 633
export const RADIATOR_NET_FRACTION = STARCLOUD_NET_RADIATOR_W_M2 / (2 * 0.92 * STEFAN_BOLTZMANN * 293 ** 4)

/** The scenario fields the power and sizing model reads. */
export type PowerParams = Pick<
  ConstellationParams,
  'computePowerKw' | 'cellEfficiency' | 'arrayOverhead' | 'radiatorTempK' | 'radiatorEmissivity' | 'satelliteMassT'
>

/** Array area for a power, m²: P / (η × 1360.8 W/m², SOURCES §1) × overhead. */
export const arrayAreaForPowerM2 = (powerW: number, p: PowerParams): number => (powerW / (p.cellEfficiency * SOLAR_CONSTANT_W_M2)) * p.arrayOverhead

/** Net heat rejected per m² of a two-sided radiator at the scenario's T and ε, W/m². */
export const radiatorFluxWM2 = (p: PowerParams): number => 2 * p.radiatorEmissivity * STEFAN_BOLTZMANN * p.radiatorTempK ** 4 * RADIATOR_NET_FRACTION

/** Radiator area for a heat load (all electrical power ends as heat), m². */
export const radiatorAreaForHeatM2 = (heatW: number, p: PowerParams): number => heatW / radiatorFluxWM2(p)

export interface ConstellationMetrics {
  /** Launches lifted off so far. */
  launches: number
  /** Satellite mass launched so far, t. */
  massToOrbitT: number
  /** Satellites in orbit: deployed on their shells and not yet retired. */
  satellites: number
  /** Satellites deorbited at the end of their design life so far (SOURCES §7). */
  retiredSatellites: number
  /** Compute power of the satellites in orbit, W (each at its generation's power). */
  orbitalComputeW: number
  /** Compute power of every satellite deployed so far, retired or not, W (differences give compute added). */
  deployedComputeW: number
  arrayAreaM2: number
  radiatorAreaM2: number
  /** orbitalComputeW / all of Earth's data centres (47 GW). */
  dataCentreRatio: number
}

const cache = new WeakMap<object, LaunchSchedule>()

/** The cached launch sequence of a scenario (keyed by its constellation group object). */
export function scheduleFor(scenario: Scenario): LaunchSchedule {
  const c = scenario.constellation
  let s = cache.get(c)
  if (!s) {
    s = new LaunchSchedule(c)
    cache.set(c, s)
  }
  return s
}

export function constellationMetricsAt(scenario: Scenario, tMs: number): ConstellationMetrics {
  const sched = scheduleFor(scenario)
  sched.extendTo(tMs)
  const c = scenario.constellation
  const kl = sched.lastAtOrBefore(tMs, 'tMs')
  const kd = sched.lastAtOrBefore(tMs, 'deployMs')
  // Launches retire whole, in launch order (design life or replacement by a newer generation).
  const kr = sched.lastAtOrBefore(tMs, 'retireMs')
  const deployed = kd >= 0 ? sched.cumSatellites[kd] : 0
  const retiredSatellites = kr >= 0 ? sched.cumSatellites[kr] : 0
  const deployedComputeW = kd >= 0 ? sched.cumComputeW[kd] : 0
  const orbitalComputeW = deployedComputeW - (kr >= 0 ? sched.cumComputeW[kr] : 0)
  return {
    launches: kl + 1,
    massToOrbitT: kl >= 0 ? sched.cumMassT[kl] : 0,
    satellites: deployed - retiredSatellites,
    retiredSatellites,
    orbitalComputeW,
    deployedComputeW,
    arrayAreaM2: arrayAreaForPowerM2(orbitalComputeW, c),
    radiatorAreaM2: radiatorAreaForHeatM2(orbitalComputeW, c),
    dataCentreRatio: orbitalComputeW / EARTH_DATA_CENTRES_W,
  }
}

/**
 * The metrics of the first `count` satellites of the schedule shown whatever the date (URL
 * `sats=N`): the launches that carried them, their mass and compute power, as if all were in
 * orbit at once. Every figure describes the same satellites. Writes into and returns `m`.
 */
export function metricsForForcedCount(m: ConstellationMetrics, count: number, sched: LaunchSchedule, p: PowerParams): ConstellationMetrics {
  const k = count > 0 ? sched.launchOfSatellite(count - 1) : -1
  let massT = 0
  let computeW = 0
  if (k >= 0) {
    const l = sched.launch(k)
    const inLast = Math.min(l.satellites, count - l.firstSatellite)
    const per = l.satellites > 0 ? inLast / l.satellites : 0
    massT = (k > 0 ? sched.cumMassT[k - 1] : 0) + l.massT * per
    computeW = (k > 0 ? sched.cumComputeW[k - 1] : 0) + l.computeW * per
  }
  m.launches = k + 1
  m.massToOrbitT = massT
  m.satellites = count
  m.retiredSatellites = 0
  m.orbitalComputeW = computeW
  m.deployedComputeW = computeW
  m.arrayAreaM2 = arrayAreaForPowerM2(computeW, p)
  m.radiatorAreaM2 = radiatorAreaForHeatM2(computeW, p)
  m.dataCentreRatio = computeW / EARTH_DATA_CENTRES_W
  return m
}

export interface SatelliteSize {
  powerW: number
  arrayAreaM2: number
  radiatorAreaM2: number
  /** Two solar wings, each wingLengthM × wingWidthM (aspect 4:1, like ISS/iROSA-style wings). */
  wingLengthM: number
  wingWidthM: number
  /** Two radiator panels, each radiatorLengthM × radiatorWidthM (aspect 2:1), edge-on to the Sun. */
  radiatorLengthM: number
  radiatorWidthM: number
  /** Edge of the cubic bus, m: mass at an illustrative 250 kg/m³ bulk density (model choice). */
  busEdgeM: number
}

/** Proportions for the close-in 3D model of one satellite, from the power model. */
export function sizeSatellite(p: PowerParams): SatelliteSize {
  const powerW = p.computePowerKw * 1e3
  const arrayAreaM2 = arrayAreaForPowerM2(powerW, p)
  const radiatorAreaM2 = radiatorAreaForHeatM2(powerW, p)
  const wingWidthM = Math.sqrt(arrayAreaM2 / 2 / 4)
  const radiatorWidthM = Math.sqrt(radiatorAreaM2 / 2 / 2)
  return {
    powerW,
    arrayAreaM2,
    radiatorAreaM2,
    wingLengthM: 4 * wingWidthM,
    wingWidthM,
    radiatorLengthM: 2 * radiatorWidthM,
    radiatorWidthM,
    busEdgeM: Math.cbrt((p.satelliteMassT * 1000) / 250),
  }
}
