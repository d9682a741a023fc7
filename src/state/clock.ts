/**
 * The clock. The main thread owns sim time (ARCHITECTURE.md, data flow 1). Discrete state
 * (playing, warp, horizon) lives in a Zustand store that React may subscribe to; the instant
 * itself changes every frame, so it lives in a plain mutable object read by the render loop
 * and HUD refs, never pushed through React.
 */
import { create } from 'zustand'
import { toIsoUtc, yearStartMs } from '../sim/time'
import { ease, type Easing } from './camera'
import { stageTime } from './stageTime'
import { useUi } from './ui'

/** Warp magnitudes offered by the buttons and keys: real time up to 10⁷× (foundation issue). */
export const WARP_STEPS = [1, 10, 60, 600, 3600, 86400, 1e6, 1e7] as const
export const MAX_WARP = 1e7

export const DEFAULT_START_MS = yearStartMs(2026)
export const DEFAULT_END_MS = yearStartMs(2060)

/** Sim instant, UTC ms since 1970. Mutated by advanceClock/seek; read with simTime.tMs. */
export const simTime = { tMs: Date.now() }

export interface ClockState {
  playing: boolean
  /** Sim seconds per real second; negative runs backwards. */
  warp: number
  horizonStartMs: number
  horizonEndMs: number
  /** Bumped on every discontinuous jump (seek, scrub, now) so listeners can react once. */
  seekCount: number
  play(): void
  pause(): void
  toggle(): void
  setWarp(w: number): void
  faster(): void
  slower(): void
  reverse(): void
  seek(tMs: number): void
  setHorizon(startMs: number, endMs: number): void
}

const clampWarp = (w: number) => Math.sign(w || 1) * Math.min(MAX_WARP, Math.max(1, Math.abs(w)))

function stepWarp(w: number, dir: 1 | -1): number {
  const mag = Math.abs(w)
  const sign = Math.sign(w) || 1
  if (dir > 0) {
    const next = WARP_STEPS.find((s) => s > mag * 1.0001)
    return sign * (next ?? MAX_WARP)
  }
  const prev = [...WARP_STEPS].reverse().find((s) => s < mag * 0.9999)
  return sign * (prev ?? 1)
}

export const useClock = create<ClockState>()((set, get) => ({
  playing: false,
  warp: 3600,
  horizonStartMs: DEFAULT_START_MS,
  horizonEndMs: DEFAULT_END_MS,
  seekCount: 0,
  play: () => {
    const s = get()
    // At the end of the horizon going forward (or the start going back) there is nowhere to go:
    // say so and stay, rather than jumping silently to the other end.
    if ((s.warp > 0 && simTime.tMs >= s.horizonEndMs) || (s.warp < 0 && simTime.tMs <= s.horizonStartMs)) {
      horizonNotice(s.warp > 0 ? 'end' : 'start', s)
      return
    }
    set({ playing: true })
  },
  pause: () => set({ playing: false }),
  toggle: () => (get().playing ? get().pause() : get().play()),
  setWarp: (w) => set({ warp: clampWarp(w) }),
  faster: () => set({ warp: stepWarp(get().warp, 1) }),
  slower: () => set({ warp: stepWarp(get().warp, -1) }),
  reverse: () => set({ warp: -get().warp }),
  seek: (tMs) => {
    const { horizonStartMs, horizonEndMs } = get()
    simTime.tMs = Math.min(horizonEndMs, Math.max(horizonStartMs, tMs))
    set({ seekCount: get().seekCount + 1 })
  },
  setHorizon: (startMs, endMs) => {
    set({ horizonStartMs: startMs, horizonEndMs: endMs })
    get().seek(simTime.tMs)
  },
}))

function horizonNotice(which: 'start' | 'end', s: Pick<ClockState, 'horizonStartMs' | 'horizonEndMs'>): void {
  const day = toIsoUtc(which === 'end' ? s.horizonEndMs : s.horizonStartMs).slice(0, 10)
  useUi
    .getState()
    .notify(
      which === 'end'
        ? `The clock stopped at the end of the scenario horizon (${day}). R reverses time; the timeline or N goes back; the scenario panel sets the horizon.`
        : `The clock stopped at the start of the scenario horizon (${day}). R runs time forward again.`,
      'info',
      8000,
    )
}

/**
 * A time ramp (tour chapters): sim time eased from one instant to another over a stretch of stage
 * time, a function of stageTime.ms alone, so a recorded take repeats frame for frame.
 */
export const timeRamp = { active: false, fromMs: 0, toMs: 0, startStageMs: 0, durationMs: 1, easing: 'inOut' as Easing }

/** Starts a ramp now (stage time) and pauses the real-time clock while it runs. */
export function startTimeRamp(fromMs: number, toMs: number, durationMs: number, easing: Easing): void {
  Object.assign(timeRamp, { active: true, fromMs, toMs, startStageMs: stageTime.ms, durationMs: Math.max(1, durationMs), easing })
  useClock.setState({ playing: false })
  applyTimeRamp(stageTime.ms)
}

export function stopTimeRamp(): void {
  timeRamp.active = false
}

/**
 * Sets sim time from the ramp for a stage time (ms); false when no ramp runs. advanceClock calls it
 * for the frame's stage time; a lock-step recorder calls it after setting stageTime.ms itself.
 */
export function applyTimeRamp(stageMs: number): boolean {
  if (!timeRamp.active) return false
  const p = (stageMs - timeRamp.startStageMs) / timeRamp.durationMs
  const { horizonStartMs, horizonEndMs } = useClock.getState()
  const t = timeRamp.fromMs + (timeRamp.toMs - timeRamp.fromMs) * ease(timeRamp.easing, p)
  simTime.tMs = Math.min(horizonEndMs, Math.max(horizonStartMs, t))
  if (p >= 1) timeRamp.active = false
  return true
}

/**
 * Advances sim time by a real-time interval. Called once per rendered frame, before anything
 * reads the time. dtS is clamped to 1 s so a stalled or hidden tab does not leap years at high
 * warp, while a slow machine (a few frames a second) still runs at the chosen warp.
 */
export function advanceClock(dtS: number): void {
  // This frame's stage time: driveFrame advances stageTime by the same dtS right after.
  if (applyTimeRamp(stageTime.ms + Math.max(0, dtS) * 1000)) return
  const s = useClock.getState()
  if (!s.playing) return
  const dt = Math.min(Math.max(dtS, 0), 1)
  const next = simTime.tMs + dt * 1000 * s.warp
  if (next >= s.horizonEndMs || next <= s.horizonStartMs) {
    simTime.tMs = Math.min(s.horizonEndMs, Math.max(s.horizonStartMs, next))
    useClock.setState({ playing: false })
    horizonNotice(next >= s.horizonEndMs ? 'end' : 'start', s)
    return
  }
  simTime.tMs = next
}

/** "Now", clamped into the horizon. */
export function nowInHorizon(): number {
  const { horizonStartMs, horizonEndMs } = useClock.getState()
  return Math.min(horizonEndMs, Math.max(horizonStartMs, Date.now()))
}
