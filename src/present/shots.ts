/**
 * Shots: named best frames of Moon Base Alpha for presenters and video makers, each a time, a
 * clock state and a camera pose in the base site's own frame (metres from the base origin, x
 * east, y north; azimuths from north through east; src/state/camera.ts BasePose). A deep link
 * `?shot=<id>` or the base panel's Shots menu applies one (applyShot).
 *
 * The times come from the sim, computed with src/sim/base/site.ts (sunAtSite, earthAtSite) and
 * src/sim/base/landings.ts (landingTimesBetween) for the default scenario:
 *   2045-09-06 00:00Z  Sun 1.1° up at azimuth 21°, the Earth 4.5° up at 132°;
 *   2045-09-06 04:48Z  cargo landing 218 (index 217) touches down on pad 2 (index 1);
 *   2045-09-06 12:00Z  Sun 1.1° at 15°, the mass driver throwing ~1,900 t a day (a shot every ~46 s);
 *   2050-01-01 00:00Z  the Sun 1.4° below the horizon (lunar night), the Earth 3.6° up at 144°.
 * Pad 2 stands at (−1,328, −2,234) m and the mass driver's muzzle near (3,650, 2,643) m
 * (src/sim/base/layout.ts, default scenario).
 */
import { LAYERS, useLayers, type Layer } from '../state/layers'
import { requestBasePose, type BasePose } from '../state/camera'
import { useClock } from '../state/clock'
import { useUi } from '../state/ui'

export interface Shot {
  id: string
  title: string
  /** One sentence for the menu's tooltip and docs/PRESENTING.md. */
  description: string
  /** Sim time, ISO-8601 UTC. */
  timeIso: string
  /** Sim seconds per real second once applied; 0 holds the clock paused there. */
  warp: number
  focus: 'base'
  /** The camera, in the base site's frame. */
  pose: BasePose
  /** The layers shown (absent: left as they are). */
  layers?: Layer[]
}

export const SHOTS: readonly Shot[] = [
  {
    id: 'low-sun-2045',
    title: 'Low Sun over the city, 2045',
    description: 'The Sun 1.1° up behind the camera, over its right shoulder: lit arrays and long shadows across the city, the Earth low over the horizon.',
    timeIso: '2045-09-06T00:00:00Z',
    warp: 0,
    focus: 'base',
    pose: { mode: 'orbit', azimuthDeg: 340, elevationDeg: 9, distanceM: 700 },
  },
  {
    id: 'touchdown',
    title: 'Starship touchdown',
    description: 'A cargo Starship 12 s from touchdown on pad 2, standing on its plume, with the Earth beside it (paused: play to watch it land).',
    timeIso: '2045-09-06T04:47:48Z',
    warp: 0,
    focus: 'base',
    pose: { mode: 'eye', eastM: -1631, northM: -2059, heightM: 22, azimuthDeg: 126, pitchDeg: 4 },
  },
  {
    id: 'mass-driver',
    title: 'The mass driver firing',
    description: 'Looking back along the 3.2 km track from beside its muzzle: a sled every ~46 s and the flash as it throws a satellite.',
    timeIso: '2045-09-06T12:00:00Z',
    warp: 1,
    focus: 'base',
    pose: { mode: 'eye', eastM: 3969, northM: 2667, heightM: 20, azimuthDeg: 248, pitchDeg: -4.5 },
  },
  {
    id: 'city-night',
    title: 'The city at lunar night',
    description: 'The Sun 1.4° below the horizon: the city lit by its own windows, lamps and furnaces under the Earth.',
    timeIso: '2050-01-01T00:00:00Z',
    warp: 0,
    focus: 'base',
    pose: { mode: 'orbit', azimuthDeg: 322, elevationDeg: 8, distanceM: 700 },
  },
]

export const SHOT_IDS = SHOTS.map((s) => s.id)

export const shotById = (id: string): Shot | undefined => SHOTS.find((s) => s.id === id)

/** Seeks the clock to the shot, sets its warp and play state and layers, focuses the base and asks for its pose. */
export function applyShot(shot: Shot): void {
  const clock = useClock.getState()
  clock.seek(Date.parse(shot.timeIso))
  if (shot.warp === 0) clock.pause()
  else {
    clock.setWarp(shot.warp)
    clock.play()
  }
  if (shot.layers) {
    const on = shot.layers
    useLayers.getState().setLayers(Object.fromEntries(LAYERS.map((l) => [l, on.includes(l)])))
  }
  requestBasePose(shot.pose)
  if (useUi.getState().focus !== shot.focus) useUi.getState().setFocus(shot.focus)
}
