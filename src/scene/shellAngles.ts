/** Per-shell angle reduction for the GPU, from the CPU reference in src/sim/constellation/orbits.ts. */
import type * as THREE from 'three'
import type { ShellRender } from '../worker/protocol'

const TWO_PI = 2 * Math.PI

/** (RAAN offset, argument-of-latitude offset) at tMs, each reduced mod 2π in float64. */
export function reduceShellAnglesInto(s: ShellRender, tMs: number, epochMs: number, out: THREE.Vector4): THREE.Vector4 {
  const dt = (tMs - epochMs) / 1000
  const raan = (s.raanRate * dt) % TWO_PI
  const u = (s.uRate * dt) % TWO_PI
  return out.set(raan < 0 ? raan + TWO_PI : raan, u < 0 ? u + TWO_PI : u, 0, 0)
}
