/**
 * The satellites the main thread holds: one append-only Float32Array of elements (4 floats each:
 * shell, RAAN₀, u₀, deploy day), filled by 'satellites' messages as the worker generates them and
 * uploaded to the GPU range by range. Nothing here changes per frame; the renderer picks how
 * many are deployed at its frame time by binary search, so scrubbing back needs no message.
 */
import { MS_PER_DAY } from '../sim/constants'
import type { ShellOrbit } from '../sim/constellation/orbits'
import { upperBound } from '../sim/search'

export const FLOATS_PER_SAT = 4

export interface SatelliteBuffer {
  generation: number
  capacity: number
  count: number
  elements: Float32Array
  epochMs: number
  shells: ShellOrbit[]
  siteLatLonDeg: [number, number][]
  /** First element index not yet uploaded to the GPU; the renderer advances it. */
  uploadedUpTo: number
  /** Bumped on reset so the renderer rebuilds its geometry. */
  resets: number
  /** Launch-order index of element 0 (the window starts at the first satellite still in orbit). */
  firstIndex: number
}

export const satellites: SatelliteBuffer = {
  generation: -1,
  capacity: 0,
  count: 0,
  elements: new Float32Array(0),
  epochMs: 0,
  shells: [],
  siteLatLonDeg: [],
  uploadedUpTo: 0,
  resets: 0,
  firstIndex: 0,
}

export function resetSatellites(generation: number, capacity: number, epochMs: number, shells: ShellOrbit[], sites: [number, number][], firstIndex = 0): void {
  satellites.generation = generation
  satellites.firstIndex = firstIndex
  satellites.capacity = capacity
  satellites.count = 0
  satellites.elements = new Float32Array(capacity * FLOATS_PER_SAT)
  satellites.epochMs = epochMs
  satellites.shells = shells
  satellites.siteLatLonDeg = sites
  satellites.uploadedUpTo = 0
  satellites.resets++
}

/** Appends new satellites; stale generations (from before a scenario change) are ignored. */
export function appendSatellites(generation: number, start: number, elements: Float32Array): void {
  if (generation !== satellites.generation) return
  const n = elements.length / FLOATS_PER_SAT
  if (start !== satellites.count || start + n > satellites.capacity) return
  satellites.elements.set(elements, start * FLOATS_PER_SAT)
  satellites.count = start + n
}

/** How many satellites are deployed at tMs: elements are sorted by deploy day. */
export function deployedCount(tMs: number): number {
  return upperBound(satellites.elements, (tMs - satellites.epochMs) / MS_PER_DAY, satellites.count, FLOATS_PER_SAT, 3)
}
