/**
 * The deep-space figures at an instant, as the panels show them: shots and mass launched, outcomes,
 * the driver's rate and power, and the compute it adds (deep space plus the orbital constellation,
 * read as a Kardashev index). Computed from the swarm's window log (scrubbing back is a binary search).
 */
import { baseStateAt, type BaseLimit } from '../base/growth'
import { constellationMetricsAt } from '../constellation/metrics'
import { MOON_MASS_KG, swarmOf } from '../story/lunar'
import { kardashevReading, type KardashevReading } from '../kardashev'
import type { Scenario } from '../scenario/schema'
import type { ShotOutcome } from './shot'
import type { MassDriverSwarm } from './swarm'
import { massPerYearKg, meanPowerW, trackFigures } from './track'

export interface DeepSnapshot {
  seq: number
  tMs: number
  computeMs: number
  /** Windows integrated up to this instant; below tMs while catching up after a jump. */
  syncedToMs: number
  catchingUp: boolean
  /** The instant the cumulative figures refer to: min(tMs, syncedToMs). */
  figuresAtMs: number
  shots: number
  massLaunchedKg: number
  shotsPerHour: number
  massPerYearKg: number
  /** Payloads not lost to impact × t × kW/t. */
  deepSpaceComputeW: number
  orbitalComputeW: number
  totalComputeW: number
  kardashev: KardashevReading
  /** Shots launched so far by outcome of their window's representative. */
  outcomes: Record<ShotOutcome, number>
  /** Track physics (track.ts) and the electrical power at the current rate. */
  track: { lengthM: number; timeOnTrackS: number; energyPerShotJ: number; peakPowerW: number; meanPowerW: number }
  swarmPoints: number
  payloadsPerPoint: number
  /** Window indices the main thread keeps; it drops the others (the worker forgets it sent them). */
  keep: [number, number]
  /**
   * The same figures at tMs itself from the analytic model (the base's growth model and the
   * swarm of src/sim/story/lunar.ts), available at once after any jump, so the panels agree with
   * the base panel while the windows are still being integrated.
   */
  model: DeepModelFigures
}

/**
 * Deep-space figures at an instant from the analytic model (no trajectory integration). Orbital
 * compute is not included: the constellation worker's snapshot carries it at the displayed time
 * (evaluating the constellation far ahead here would cost seconds).
 */
export interface DeepModelFigures {
  atMs: number
  shots: number
  massLaunchedKg: number
  shotsPerHour: number
  massPerYearKg: number
  /** Payloads that left the Moon × t × kW/t (all of them at exit speeds ≥ 2.38 km/s). */
  deepSpaceComputeW: number
  swarmAreaM2: number
  /** The swarm's mass, kg, and that ÷ the Moon's mass (7.346e22 kg, SOURCES §3). */
  swarmMassKg: number
  moonMassShare: number
  fractionOfSun: number
  bindingLimit: BaseLimit
}

/** The analytic figures at tMs (cheap: one cached growth-model lookup). */
export function deepModelFigures(scenario: Scenario, tMs: number): DeepModelFigures {
  const p = scenario.massDriver
  const b = baseStateAt(scenario, tMs)
  const launchedKg = b.satellitesLaunchedT * 1000
  const sw = swarmOf(scenario, launchedKg)
  const kgS = (b.massDriverPowerW * p.efficiency) / (0.5 * p.exitSpeedMs * p.exitSpeedMs)
  const shotsPerHour = (kgS * 3600) / p.payloadKg
  return {
    atMs: tMs,
    shots: launchedKg / p.payloadKg,
    massLaunchedKg: launchedKg,
    shotsPerHour,
    massPerYearKg: massPerYearKg(p.payloadKg, shotsPerHour),
    deepSpaceComputeW: sw.powerW,
    swarmAreaM2: sw.areaM2,
    swarmMassKg: sw.massKg,
    moonMassShare: sw.massKg / MOON_MASS_KG,
    fractionOfSun: sw.fractionOfSun,
    bindingLimit: b.bindingLimit,
  }
}

export function deepSpaceSnapshot(
  swarm: MassDriverSwarm,
  scenario: Scenario,
  seq: number,
  tMs: number,
  catchingUp: boolean,
  keep: [number, number],
): DeepSnapshot {
  const syncedToMs = swarm.syncedToMs
  const figuresAtMs = Math.min(tMs, syncedToMs - 1)
  const f = swarm.log.figuresAt(figuresAtMs)
  const p = swarm.params
  const rate = figuresAtMs >= swarm.epochMs ? swarm.rateAt(figuresAtMs) : 0
  const deepSpaceComputeW = swarm.deepSpaceComputeW(f.deepSpacePayloads)
  const orbitalComputeW = constellationMetricsAt(scenario, figuresAtMs).orbitalComputeW
  const totalComputeW = deepSpaceComputeW + orbitalComputeW
  const tf = trackFigures(p)
  return {
    seq,
    tMs,
    computeMs: 0,
    syncedToMs,
    catchingUp,
    figuresAtMs,
    shots: f.shots,
    massLaunchedKg: f.shots * p.payloadKg,
    shotsPerHour: rate,
    massPerYearKg: massPerYearKg(p.payloadKg, rate),
    deepSpaceComputeW,
    orbitalComputeW,
    totalComputeW,
    kardashev: kardashevReading(totalComputeW),
    outcomes: f.outcomes,
    track: {
      lengthM: tf.lengthM,
      timeOnTrackS: tf.timeOnTrackS,
      energyPerShotJ: tf.energyPerShotJ,
      peakPowerW: tf.peakPowerW,
      meanPowerW: meanPowerW(p, rate),
    },
    swarmPoints: swarm.points.count,
    payloadsPerPoint: swarm.points.payloadsPerPoint,
    keep,
    model: deepModelFigures(scenario, tMs),
  }
}
