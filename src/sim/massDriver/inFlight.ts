/**
 * Payloads in flight as the app draws them: one launch window's representative trajectory packed
 * into float32 (small time offsets from a float64 epoch, positions and velocities for Hermite
 * interpolation), the per-shot turns and pins of the shots drawn from it, and the position of each
 * drawn shot at a frame time: the model of the float64 reference reusedPositionKm (reuse.ts) from
 * float32 copies; test/unit/massDriver-inFlight.test.ts holds the drawn path to the reference.
 * Frames and units: geocentric EQJ km, km/s; instants UTC ms; offsets in s.
 */
import { rotateAboutAxis, vec3, type Vec3 } from '../vec'
import { upperBound } from '../search'
import { hermite, moonOrbitNormal, moonPinKm, moonTurn, MOON_PIN_S, type MoonTurn } from './reuse'
import type { ShotOutcome, ShotResult } from './shot'

/** Floats per sample in TrajectoryWindow.samples: [t offset s from launchMs, x, y, z km, vx, vy, vz km/s]. */
export const SAMPLE_STRIDE = 7
/** Floats per drawn shot in TrajectoryWindow.shown: [Δt s from launchMs, cos θ, sin θ, pin x, y, z km]. */
export const SHOWN_STRIDE = 6

/**
 * One launch window's representative trajectory. Every shot of the window reuses it: shot k of
 * `shown` is the path turned by θ_k about `axis` (the Moon's orbit normal) and delayed by Δt_k, plus
 * a pin offset that puts it on the true muzzle at launch and fades over MOON_PIN_S.
 */
export interface TrajectoryWindow {
  generation: number
  /** Window index: startMs = index × windowMs. */
  index: number
  startMs: number
  /** The representative's launch instant (the window's centre), UTC ms: the float64 epoch of samples. */
  launchMs: number
  shots: number
  outcome: ShotOutcome
  escapeTimeDays: number | null
  samples: Float32Array
  shown: Float32Array
  axis: [number, number, number]
}

/** What the drawn evaluation reads of a window. */
export type InFlightWindow = Pick<TrajectoryWindow, 'launchMs' | 'samples' | 'shown' | 'axis'>

const _k = vec3(),
  _pin = vec3()
const _turn: MoonTurn = { cos: 1, sin: 0 }

/** The representative's samples as float32, SAMPLE_STRIDE per sample, times from its launch. */
export function packSamples(rep: ShotResult): Float32Array {
  const { tMs, posKm, velKmS } = rep.samples
  const n = tMs.length
  const out = new Float32Array(n * SAMPLE_STRIDE)
  for (let i = 0; i < n; i++) {
    const o = i * SAMPLE_STRIDE
    out[o] = (tMs[i] - rep.launchMs) / 1000
    for (let c = 0; c < 3; c++) {
      out[o + 1 + c] = posKm[3 * i + c]
      out[o + 4 + c] = velKmS[3 * i + c]
    }
  }
  return out
}

/** The Moon's orbit normal at the representative's launch: the axis the window's shots turn about. */
export function windowAxis(rep: ShotResult): [number, number, number] {
  const k = moonOrbitNormal(rep.launchMs, _k)
  return [k.x, k.y, k.z]
}

/**
 * The rows of `shown` for nShown of a window's `shots` shots, spread evenly through it (shot j of
 * the window launches at startMs + (j + ½)·windowMs / shots): Δt from the representative's launch,
 * the turn about the axis, and the pin at launch.
 */
export function shownShots(
  rep: ShotResult,
  axis: readonly [number, number, number],
  startMs: number,
  windowMs: number,
  shots: number,
  nShown: number,
): Float32Array {
  const out = new Float32Array(nShown * SHOWN_STRIDE)
  _k.x = axis[0]
  _k.y = axis[1]
  _k.z = axis[2]
  for (let s = 0; s < nShown; s++) {
    const j = Math.floor(((s + 0.5) * shots) / nShown)
    const shotMs = startMs + ((j + 0.5) * windowMs) / shots
    const { cos, sin } = moonTurn(rep.launchMs, shotMs, _k, _turn)
    moonPinKm(rep.launchMs, shotMs, _k, cos, sin, _pin)
    const o = s * SHOWN_STRIDE
    out[o] = (shotMs - rep.launchMs) / 1000
    out[o + 1] = cos
    out[o + 2] = sin
    out[o + 3] = _pin.x
    out[o + 4] = _pin.y
    out[o + 5] = _pin.z
  }
  return out
}

/**
 * Position (geocentric EQJ km) at tMs of drawn shot s of window w (row s of w.shown), from the
 * transferred float32 arrays: Hermite between samples, turned, plus the fading pin. False before
 * the shot's launch or after its path ends. Allocates nothing (the renderer calls it per payload).
 */
export function inFlightPositionKm(w: InFlightWindow, s: number, tMs: number, out: Vec3): boolean {
  const S = w.samples,
    sh = w.shown
  const ns = S.length / SAMPLE_STRIDE
  const o = s * SHOWN_STRIDE
  const tau = (tMs - w.launchMs) / 1000 - sh[o]
  if (ns < 2 || tau < 0 || tau > S[(ns - 1) * SAMPLE_STRIDE]) return false
  const lo = Math.min(ns - 2, upperBound(S, tau, ns, SAMPLE_STRIDE) - 1)
  const a = lo * SAMPLE_STRIDE,
    b = a + SAMPLE_STRIDE
  const h = S[b] - S[a]
  hermite(out, S, a + 1, b + 1, S, a + 4, b + 4, h, h > 0 ? (tau - S[a]) / h : 0)
  _k.x = w.axis[0]
  _k.y = w.axis[1]
  _k.z = w.axis[2]
  rotateAboutAxis(out, out, _k, sh[o + 1], sh[o + 2])
  const pin = Math.exp(-tau / MOON_PIN_S)
  out.x += pin * sh[o + 3]
  out.y += pin * sh[o + 4]
  out.z += pin * sh[o + 5]
  return true
}

/**
 * One launch window as it travels to the main thread: the representative's samples, its axis and
 * the turns of `nShown` of its `shots` (what the deep-space worker posts, and the tests hold).
 */
export function trajectoryWindow(
  rep: ShotResult,
  generation: number,
  index: number,
  startMs: number,
  windowMs: number,
  shots: number,
  nShown: number,
): TrajectoryWindow {
  const axis = windowAxis(rep)
  return {
    generation,
    index,
    startMs,
    launchMs: rep.launchMs,
    shots,
    outcome: rep.outcome,
    escapeTimeDays: rep.escapeTimeDays,
    samples: packSamples(rep),
    shown: shownShots(rep, axis, startMs, windowMs, shots, nShown),
    axis,
  }
}
