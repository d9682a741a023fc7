/**
 * init and scenario: validate the scenario, build the swarm from it and tell the main thread to drop
 * what it holds. A scenario that fails validation (or throws while the swarm is built) is reported
 * with its problems and the previous one stays in force, so later steps still answer.
 */
import { baseStateAt } from '../../../sim/base/growth'
import { DEFAULT_SWARM_CAPACITY, DEFAULT_WINDOW_MS, MassDriverSwarm } from '../../../sim/massDriver/swarm'
import { validateScenario } from '../../../sim/scenario/validate'
import { yearStartMs } from '../../../sim/time'
import type { DeepInitOptions } from '../protocol'
import { TRAJECTORY_DAYS, type DeepSpaceState } from '../state'

/** Problems listed in an error message at most (the panel shows them all). */
const MAX_LISTED = 5

/** Replaces the scenario; false (an error posted, the previous scenario kept) when it is rejected. */
export function resetScenario(st: DeepSpaceState, input: unknown): boolean {
  const v = validateScenario(input)
  if (!v.ok) {
    const listed = v.errors.slice(0, MAX_LISTED).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message))
    const more = v.errors.length > MAX_LISTED ? ` (and ${v.errors.length - MAX_LISTED} more)` : ''
    const keeping = st.scenario ? 'keeping the previous scenario' : 'no scenario in force'
    st.post({ type: 'error', message: `scenario rejected, ${keeping}: ${listed.join('; ')}${more}` })
    return false
  }
  const s = v.scenario
  // The base's growth model is the single source of truth for what the driver throws: the
  // schedule capped by the power the base has spare and by the satellites its factories made.
  // rateSource 'schedule' (benchmarks): the shotsPerHour schedule alone sets the rate.
  const launchedKgAt = st.options.rateSource === 'schedule' ? undefined : (tMs: number) => baseStateAt(s, tMs).satellitesLaunchedT * 1000
  let swarm: MassDriverSwarm
  try {
    swarm = new MassDriverSwarm(s.massDriver, {
      windowMs: DEFAULT_WINDOW_MS,
      days: TRAJECTORY_DAYS,
      capacity: st.options.swarmCapacity ?? DEFAULT_SWARM_CAPACITY,
      horizonEndMs: yearStartMs(s.horizon.endYear),
      launchedKgAt,
    })
  } catch (err) {
    st.post({
      type: 'error',
      message: `scenario rejected (${err instanceof Error ? err.message : String(err)}), ${st.scenario ? 'keeping the previous scenario' : 'no scenario in force'}`,
    })
    return false
  }
  st.scenario = s
  st.swarm = swarm
  st.target = -Infinity
  st.posted.clear()
  st.generation++
  const p = swarm.points
  st.post({
    type: 'reset',
    generation: st.generation,
    windowMs: swarm.windowMs,
    swarmEpochMs: swarm.epochMs,
    swarmCapacity: p.capacity,
    payloadsPerPoint: p.payloadsPerPoint,
  })
  return true
}

/** The first message: options, then the scenario; 'ready' once a scenario is in force. */
export function init(st: DeepSpaceState, scenario: unknown, options?: DeepInitOptions | null): void {
  st.options = options ?? {}
  if (resetScenario(st, scenario) || st.scenario) st.post({ type: 'ready' })
}
