/**
 * The worker's message handler, free of worker globals so Node tests call it directly.
 * One small function per message type.
 */
import { moonGeocentricKm, subsolarPoint, sunGeocentricKm } from '../sim/ephemeris'
import type { Scenario } from '../sim/scenario/schema'
import { norm, vec3 } from '../sim/vec'
import { baseStateAt, type BaseScenario } from '../sim/base/growth'
import { ConstellationHost } from './constellationHost'
import type { InitOptions, MainToWorker, Post, Snapshot } from './protocol'

export interface WorkerHost {
  handle(msg: MainToWorker): void
}

export function createWorkerHost(post: Post, now: () => number = () => performance.now()): WorkerHost {
  let scenario: Scenario | null = null
  let options: InitOptions = {}
  const constellation = new ConstellationHost(post)
  const moon = vec3()
  const sun = vec3()
  const subsolar = { latDeg: 0, lonDeg: 0 }

  function applyScenario(s: Scenario) {
    scenario = s
    constellation.reset(s, options.forcedSatellites)
  }

  function step(seq: number, tMs: number) {
    if (!scenario) {
      post({ type: 'error', message: 'step before init: the worker has no scenario yet' })
      return
    }
    const t0 = now()
    moonGeocentricKm(tMs, moon)
    sunGeocentricKm(tMs, sun)
    subsolarPoint(tMs, subsolar)
    const snapshot: Snapshot = {
      seq,
      tMs,
      computeMs: 0,
      bodies: {
        moonDistanceKm: norm(moon),
        sunDistanceKm: norm(sun),
        subsolarLatDeg: subsolar.latDeg,
        subsolarLonDeg: subsolar.lonDeg,
      },
      constellation: null,
      recentLaunches: [],
      generated: 0,
      base: baseStateAt(scenario as unknown as BaseScenario, tMs),
    }
    const c = constellation.stepTo(tMs)
    if (c) Object.assign(snapshot, c)
    snapshot.computeMs = now() - t0
    post({ type: 'snapshot', snapshot })
  }

  return {
    handle(msg) {
      try {
        switch (msg.type) {
          case 'init':
            options = msg.options ?? {}
            applyScenario(msg.scenario)
            post({ type: 'ready' })
            break
          case 'scenario':
            applyScenario(msg.scenario)
            break
          case 'step':
            step(msg.seq, msg.tMs)
            break
          case 'pick':
            post({ type: 'pick', seq: msg.seq, satellite: constellation.pick(msg.tMs, msg.rayOriginKm, msg.rayDir, msg.maxAngleRad) })
            break
        }
      } catch (err) {
        post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
      }
    },
  }
}
