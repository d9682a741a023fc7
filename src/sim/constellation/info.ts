/**
 * What a click on a satellite shows (the worker protocol's SatelliteInfo): shell, orbit, launch
 * and deploy dates, power and sizing. Satellite i belongs to the launch whose range
 * [firstSatellite, firstSatellite + satellites) holds it.
 */
import type { Vec3 } from '../vec'
import { vec3 } from '../vec'
import { sizeSatellite, type PowerParams } from './metrics'
import { ELEMENT_STRIDE, nodalDriftDegPerDay, orbitalPeriodS, positionEqjExact } from './orbits'
import type { LaunchSchedule } from './schedule'

export interface SatelliteInfo {
  /** Index in the buffer the worker posted (the main thread's `satellites.elements`). */
  index: number
  /** Index in the whole launch sequence (the buffer is a window of it that starts at `firstIndex` of 'constellation-reset'). */
  sequenceIndex: number
  shellIndex: number
  altitudeKm: number
  inclinationDeg: number
  periodS: number
  nodalDriftDegPerDay: number
  launchIndex: number
  siteIndex: number
  launchMs: number
  deployMs: number
  /** When it deorbits, UTC ms (deploy + design life, SOURCES §7). */
  retireMs: number
  /** Its generation: 0 the first, k the k-th of the scenario's `generations`. */
  generation: number
  computeW: number
  arrayAreaM2: number
  radiatorAreaM2: number
  massT: number
  positionKm: [number, number, number]
}

/** Index of the launch that carried satellite i, or −1. */
export function launchOfSatellite(sched: LaunchSchedule, i: number): number {
  if (sched.count === 0 || i < 0) return -1
  const k = sched.launchOfSatellite(i)
  return i < sched.firstSatelliteOf(k) + sched.satellitesOf[k] ? k : -1
}

const pos: Vec3 = vec3()

/**
 * Details of satellite i of `elements` at tMs; null if unknown. `base` is the sequence index of
 * elements[0] (the worker holds a window of the sequence), so the satellite is number base + i of it.
 */
export function satelliteInfo(sched: LaunchSchedule, power: PowerParams, elements: ArrayLike<number>, i: number, tMs: number, base = 0): SatelliteInfo | null {
  const k = launchOfSatellite(sched, base + i)
  if (k < 0 || (i + 1) * ELEMENT_STRIDE > elements.length) return null
  const L = sched.launch(k)
  const r = sched.rates[L.shellIndex]
  const gen = sched.generations[L.generation]
  const size = sizeSatellite({ ...power, satelliteMassT: gen.massT, computePowerKw: gen.powerW / 1e3 })
  positionEqjExact(elements, i, sched.rates, tMs, pos)
  return {
    index: i,
    sequenceIndex: base + i,
    shellIndex: L.shellIndex,
    altitudeKm: r.altitudeKm,
    inclinationDeg: r.inclinationDeg,
    periodS: orbitalPeriodS(r.altitudeKm),
    nodalDriftDegPerDay: nodalDriftDegPerDay(r.altitudeKm, r.inclinationDeg),
    launchIndex: k,
    siteIndex: L.siteIndex,
    launchMs: L.tMs,
    deployMs: L.deployMs,
    retireMs: L.retireMs,
    generation: L.generation,
    computeW: size.powerW,
    arrayAreaM2: size.arrayAreaM2,
    radiatorAreaM2: size.radiatorAreaM2,
    massT: gen.massT,
    positionKm: [pos.x, pos.y, pos.z],
  }
}
