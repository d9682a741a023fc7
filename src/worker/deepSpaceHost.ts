/**
 * The deep-space worker's message handler, free of worker globals so Node tests call it directly.
 *
 * Per step (target instant t): integrate every launch window up to t + LOOKAHEAD_MS in order
 * (MassDriverSwarm: one representative trajectory per 6 h window, src/sim/massDriver/swarm.ts),
 * within a time budget so a jump of years catches up over several steps instead of freezing the
 * worker; log each window's shots and outcome (WindowLog) and build its swarm points; post the
 * trajectories of the windows in flight at t that the main thread does not hold yet (each once);
 * post a snapshot. Scrubbing back: figures come from the log by binary search; windows in flight at
 * the earlier instant are integrated again (deterministic: the same result) and posted once more.
 */
import { baseStateAt, type BaseScenario } from '../sim/base/growth'
import { kardashevReading } from '../sim/kardashev'
import { constellationMetricsAt } from '../sim/constellation/metrics'
import { MOON_TABLE, secondsSinceJ2000 } from '../sim/massDriver/forces'
import type { MassDriverParams } from '../sim/massDriver/params'
import { simulateShot, type ShotResult } from '../sim/massDriver/shot'
import { DEFAULT_WINDOW_MS, MassDriverSwarm } from '../sim/massDriver/swarm'
import { massPerYearKg, meanPowerW, trackFigures } from '../sim/massDriver/track'
import type { Scenario } from '../sim/scenario/schema'
import { yearStartMs } from '../sim/time'
import { vec3 } from '../sim/vec'
import { SAMPLE_STRIDE, SHOWN_STRIDE, type DeepInitOptions, type DeepMainToWorker, type DeepPost, type DeepSnapshot, type TrajectoryWindow } from './deepSpace.protocol'
import { SwarmPoints, WindowLog } from './deepSpaceLog'

/** Horizon of each representative integration, days (swarm.ts default). */
export const TRAJECTORY_DAYS = 60
/** Windows are integrated this far ahead of the asked time: the renderer runs ahead of snapshots. */
export const LOOKAHEAD_MS = 86400e3
/** Worker time per step before it answers with what it has (catching up after a jump). */
export const STEP_BUDGET_MS = 40
const REP_CACHE = 320

export interface DeepSpaceHost {
  handle(msg: DeepMainToWorker): void
}

const _a = vec3(), _b = vec3(), _v = vec3()

/** Turn of the Earth–Moon line from the rep's launch to the shot's (about the Moon's orbit normal k). */
function shownFor(rep: ShotResult, shotMs: number, k: [number, number, number], out: Float32Array, o: number): void {
  MOON_TABLE.at(secondsSinceJ2000(rep.launchMs), _a)
  MOON_TABLE.at(secondsSinceJ2000(shotMs), _b)
  const cx = _a.y * _b.z - _a.z * _b.y, cy = _a.z * _b.x - _a.x * _b.z, cz = _a.x * _b.y - _a.y * _b.x
  const ang = Math.atan2(cx * k[0] + cy * k[1] + cz * k[2], _a.x * _b.x + _a.y * _b.y + _a.z * _b.z)
  const cs = Math.cos(ang), sn = Math.sin(ang)
  // Pin: the shot starts at the true Moon (r_M(shot) − R r_M(rep)); the renderer fades it over a day.
  const ad = k[0] * _a.x + k[1] * _a.y + k[2] * _a.z
  const rx = _a.x * cs + (k[1] * _a.z - k[2] * _a.y) * sn + k[0] * ad * (1 - cs)
  const ry = _a.y * cs + (k[2] * _a.x - k[0] * _a.z) * sn + k[1] * ad * (1 - cs)
  const rz = _a.z * cs + (k[0] * _a.y - k[1] * _a.x) * sn + k[2] * ad * (1 - cs)
  out[o] = (shotMs - rep.launchMs) / 1000
  out[o + 1] = cs
  out[o + 2] = sn
  out[o + 3] = _b.x - rx
  out[o + 4] = _b.y - ry
  out[o + 5] = _b.z - rz
}

/**
 * post: sends to the main thread. now: a clock in ms. defer: runs a function after pending messages
 * (setTimeout in the worker), so a long catch-up continues between requests instead of waiting for
 * the main thread's next frame; without it (tests) each step does one budget's worth.
 */
export function createDeepSpaceHost(post: DeepPost, now: () => number = () => performance.now(), defer?: (fn: () => void) => void): DeepSpaceHost {
  let options: DeepInitOptions = {}
  let scenario: Scenario | null = null
  let params: MassDriverParams | null = null
  let swarm: MassDriverSwarm | null = null
  let log: WindowLog | null = null
  let points: SwarmPoints | null = null
  let generation = 0
  /** Next window index to integrate. */
  let cursor = 0
  const reps = new Map<number, ShotResult>()
  const posted = new Set<number>()
  const W = DEFAULT_WINDOW_MS
  const inFlightWindows = Math.ceil((TRAJECTORY_DAYS * 86400e3) / W)
  /** The latest asked instant, and whether a deferred catch-up chain is running. */
  let target = -Infinity
  let chained = false

  function continueCatchUp() {
    chained = false
    if (!swarm) return
    if (!advance(target + LOOKAHEAD_MS, now())) {
      chained = true
      defer!(continueCatchUp)
    }
  }

  function reset(s: Scenario) {
    scenario = s
    params = s.massDriver as unknown as MassDriverParams
    // The base's growth model is the single source of truth for what the driver throws: the
    // schedule capped by the power the base has spare and by the satellites its factories made.
    // rateSource 'schedule' (benchmarks): the shotsPerHour schedule alone sets the rate.
    const launchedKgAt = options.rateSource === 'schedule' ? undefined : (tMs: number) => baseStateAt(s as unknown as BaseScenario, tMs).satellitesLaunchedT * 1000
    swarm = new MassDriverSwarm(params, { windowMs: W, days: TRAJECTORY_DAYS, capacity: 0, keepWindows: 1, launchedKgAt })
    log = new WindowLog(W)
    cursor = Math.floor(swarm.epochMs / W)
    target = -Infinity
    reps.clear()
    posted.clear()
    generation++
    // Each swarm point stands for enough payloads that the whole horizon fits the capacity.
    const capacity = options.swarmCapacity ?? 1 << 18
    const total = swarm.shotsBetween(cursor * W, yearStartMs(s.horizon.endYear))
    const payloadsPerPoint = Math.max(1, Math.ceil(total / capacity))
    points = new SwarmPoints(swarm.epochMs, capacity, payloadsPerPoint, W)
    post({ type: 'reset', generation, windowMs: W, swarmEpochMs: swarm.epochMs, swarmCapacity: capacity, payloadsPerPoint })
  }

  function remember(index: number, rep: ShotResult) {
    reps.set(index, rep)
    if (reps.size > REP_CACHE) reps.delete(reps.keys().next().value as number)
  }

  /** Integrates windows up to endMs, within the budget; true when done. */
  function advance(endMs: number, t0: number): boolean {
    const sw = swarm!, lg = log!
    while ((cursor + 1) * W <= endMs) {
      if (now() - t0 > STEP_BUDGET_MS) return false
      const before = sw.cumulativeShots
      sw.advanceTo((cursor + 1) * W)
      const w = sw.recent[sw.recent.length - 1]
      if (sw.cumulativeShots > before && w && w.index === cursor) {
        lg.add(w.index, w.startMs, w.shots, w.rep.outcome)
        points!.add(w.startMs, w.shots, w.rep)
        remember(w.index, w.rep)
      }
      cursor++
    }
    return true
  }

  function postWindow(k: number) {
    const lg = log!
    const index = lg.index[k]
    let rep = reps.get(index)
    if (!rep) {
      rep = simulateShot(lg.startMs[k] + W / 2, params!, { days: TRAJECTORY_DAYS })
      remember(index, rep)
    }
    const n = rep.samples.tMs.length
    const samples = new Float32Array(n * SAMPLE_STRIDE)
    for (let i = 0; i < n; i++) {
      samples[i * 4] = (rep.samples.tMs[i] - rep.launchMs) / 1000
      samples[i * 4 + 1] = rep.samples.posKm[i * 3]
      samples[i * 4 + 2] = rep.samples.posKm[i * 3 + 1]
      samples[i * 4 + 3] = rep.samples.posKm[i * 3 + 2]
    }
    // The Moon's orbit normal at the rep's launch: the axis the window's shots are turned about.
    MOON_TABLE.at(secondsSinceJ2000(rep.launchMs), _a, _v)
    const hx = _a.y * _v.z - _a.z * _v.y, hy = _a.z * _v.x - _a.x * _v.z, hz = _a.x * _v.y - _a.y * _v.x
    const hn = Math.hypot(hx, hy, hz)
    const axis: [number, number, number] = [hx / hn, hy / hn, hz / hn]
    const shots = lg.shots[k]
    const nShown = Math.min(shots, Math.max(1, Math.floor((options.maxPayloadsInFlight ?? 10000) / inFlightWindows)))
    const shown = new Float32Array(nShown * SHOWN_STRIDE)
    for (let s = 0; s < nShown; s++) {
      const j = Math.floor(((s + 0.5) * shots) / nShown)
      shownFor(rep, lg.startMs[k] + ((j + 0.5) * W) / shots, axis, shown, s * SHOWN_STRIDE)
    }
    const window: TrajectoryWindow = {
      generation, index, startMs: lg.startMs[k], launchMs: rep.launchMs, shots, outcome: rep.outcome,
      escapeTimeDays: rep.escapeTimeDays, samples, shown, axis,
    }
    post({ type: 'trajectory', window }, [samples.buffer, shown.buffer])
    posted.add(index)
  }

  function step(seq: number, tMs: number) {
    if (!scenario || !swarm || !log || !params || !points) {
      post({ type: 'error', message: 'step before init: the deep-space worker has no scenario yet' })
      return
    }
    const t0 = now()
    target = tMs
    const done = advance(tMs + LOOKAHEAD_MS, t0)
    if (!done && defer && !chained) {
      chained = true
      defer(continueCatchUp)
    }
    const syncedToMs = cursor * W
    const figuresAtMs = Math.min(tMs, syncedToMs - 1)
    // Windows in flight at tMs (launched in the last TRAJECTORY_DAYS, or about to be).
    const keep: [number, number] = [Math.floor((tMs - TRAJECTORY_DAYS * 86400e3) / W) - 1, Math.floor((tMs + LOOKAHEAD_MS) / W)]
    for (const i of posted) if (i < keep[0] || i > keep[1]) posted.delete(i)
    const lg = log
    if (done) {
      // Newest first: what is near the muzzle now matters most when the budget runs out.
      for (let k = lg.length - 1; k >= 0 && lg.index[k] >= keep[0]; k--) {
        if (lg.index[k] > keep[1] || posted.has(lg.index[k])) continue
        if (now() - t0 > STEP_BUDGET_MS * 2) break
        postWindow(k)
      }
    }
    const batch = points.take()
    if (batch) post({ type: 'swarm', generation, start: batch.start, elements: batch.elements }, [batch.elements.buffer])

    const f = lg.figuresAt(figuresAtMs)
    const p = params
    const rate = figuresAtMs >= swarm.epochMs ? swarm.rateAt(figuresAtMs) : 0
    const deepSpaceComputeW = f.deepSpacePayloads * (p.payloadKg / 1000) * p.computeKwPerTonne * 1000
    const orbitalComputeW = constellationMetricsAt(scenario, figuresAtMs).orbitalComputeW
    const totalComputeW = deepSpaceComputeW + orbitalComputeW
    const tf = trackFigures(p)
    const snapshot: DeepSnapshot = {
      seq, tMs, computeMs: 0, syncedToMs, catchingUp: !done, figuresAtMs,
      shots: f.shots,
      massLaunchedKg: f.shots * p.payloadKg,
      shotsPerHour: rate,
      massPerYearKg: massPerYearKg(p.payloadKg, rate),
      deepSpaceComputeW, orbitalComputeW, totalComputeW,
      kardashev: kardashevReading(totalComputeW),
      outcomes: f.outcomes,
      track: { lengthM: tf.lengthM, timeOnTrackS: tf.timeOnTrackS, energyPerShotJ: tf.energyPerShotJ, peakPowerW: tf.peakPowerW, meanPowerW: meanPowerW(p, rate) },
      swarmPoints: points.count,
      payloadsPerPoint: points.payloadsPerPoint,
      keep,
    }
    snapshot.computeMs = now() - t0
    post({ type: 'snapshot', snapshot })
  }

  return {
    handle(msg) {
      try {
        switch (msg.type) {
          case 'init':
            options = msg.options ?? {}
            reset(msg.scenario)
            post({ type: 'ready' })
            break
          case 'scenario':
            reset(msg.scenario)
            break
          case 'step':
            step(msg.seq, msg.tMs)
            break
        }
      } catch (err) {
        post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
      }
    },
  }
}
