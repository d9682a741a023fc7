/**
 * Where each structure of Moon Base Alpha stands: local ENU metres from the base origin (x east,
 * y north, the origin is BASE_SITE on the crest of Connecting Ridge). Deterministic and stable:
 * the k-th structure of a kind always takes the k-th slot of that kind's fixed, ordered slot list,
 * so a structure never moves as the base grows; new ones appear.
 *
 * Plan (crest coordinates: s km along the ridge polyline, negative toward Shackleton, positive
 * toward de Gerlache; c km across it, positive to the south-east side):
 *   habitats   hexagonal rings 45 m apart within 270 m of the origin (127 slots; the default
 *              scenario never stands more than 67);
 *   pads       on the crest toward Shackleton from s = −1.6 km, 600 m apart: ≥ 1 km from every
 *              habitat (Starship plume ejecta; NASA's Artemis studies keep ~1–2 km, model choice);
 *   mass driver breech at s = 1.4 km, straight along its azimuth for L = v²/2a (SOURCES §4);
 *   factories on the north-west flank from 350 m out (the city's industrial quarter beside the
 *   habitats), radiators beyond them, both clear of the track; storage by the breech;
 *   mining rigs out on the south-east plain; solar towers fill the crest and flanks outward
 *   from the crest line (best sun, SOURCES §3), keeping clear of everything above, of 1.1 km
 *   round the origin and of the north-west sector the default view stands in (it looks toward
 *   the Earth, at azimuth 130–145° from the site), in blocks of 3 × 2 with service lanes between.
 */
import { DEG } from '../constants'
import { hashSeed, mulberry32 } from '../rng'
import { buildTimes, driverSpec, type BaseScenario, type BaseState, type StructureKind } from './growth'
import { trackLengthM } from './params'
import { DE_GERLACHE_LOCAL, RIDGE_POLYLINE, SHACKLETON_LOCAL } from './terrain'

export interface PlacedStructure {
  id: string
  kind: StructureKind
  /** Local ENU position of the structure's reference point, m (x east, y north). */
  xM: number
  yM: number
  /** Facing (or, for the mass driver, launch direction): azimuth from north through east, rad. */
  headingRad: number
  /** Size relative to the kind's standard model (1). */
  scale: number
  /** Length along the heading, m (the mass driver's track); 0 otherwise. */
  lengthM: number
  builtAtMs: number
}

interface Slot {
  x: number
  y: number
  heading: number
}

const [RS, , RG] = RIDGE_POLYLINE
const unit = (x: number, y: number) => {
  const n = Math.hypot(x, y)
  return { x: x / n, y: y / n }
}
const D1 = unit(-RS.xKm, -RS.yKm) // from Shackleton's rim toward the origin
const D2 = unit(RG.xKm, RG.yKm) // from the origin toward de Gerlache's rim
const LEN1 = Math.hypot(RS.xKm, RS.yKm)

/** Crest coordinates (km) → local km. */
function crest(s: number, c: number): { x: number; y: number; dir: { x: number; y: number } } {
  const d = s < 0 ? D1 : D2
  return { x: s * d.x + c * d.y, y: s * d.y - c * d.x, dir: d }
}
const azOf = (d: { x: number; y: number }) => Math.atan2(d.x, d.y)

export const BREECH_S_KM = 1.4
const insideCrater = (x: number, y: number) => [SHACKLETON_LOCAL, DE_GERLACHE_LOCAL].some((k) => Math.hypot(x - k.xKm, y - k.yKm) < k.radiusKm + 0.3)

function grid(
  s0: number,
  s1: number,
  ds: number,
  c0: number,
  c1: number,
  dc: number,
  priority: (s: number, c: number) => number,
  keep: (s: number, c: number, x: number, y: number) => boolean,
): Slot[] {
  const out: (Slot & { p: number })[] = []
  for (let i = 0; s0 + i * ds <= s1 + 1e-9; i++) {
    for (let j = 0; c0 + j * dc <= c1 + 1e-9; j++) {
      const s = s0 + i * ds,
        c = c0 + j * dc
      if (s < -LEN1 + 0.3) continue
      const q = crest(s, c)
      if (insideCrater(q.x, q.y) || !keep(s, c, q.x, q.y)) continue
      out.push({ x: q.x * 1000, y: q.y * 1000, heading: azOf(q.dir), p: priority(s, c) + 1e-6 * (i * 1000 + j) })
    }
  }
  return out.sort((a, b) => a.p - b.p)
}

function habitatSlots(): Slot[] {
  const out: Slot[] = [{ x: 0, y: 0, heading: azOf(D2) }]
  const sp = 45
  for (let ring = 1; ring * sp <= 270; ring++) {
    // Hexagonal ring: start at the corner, walk its 6 sides.
    const dirs = [0, 1, 2, 3, 4, 5].map((k) => [Math.cos((k * 60 + 120) * DEG), Math.sin((k * 60 + 120) * DEG)])
    let x = ring * sp,
      y = 0
    for (let side = 0; side < 6; side++) {
      for (let k = 0; k < ring; k++) {
        out.push({ x, y, heading: azOf(D2) })
        x += dirs[side][0] * sp
        y += dirs[side][1] * sp
      }
    }
  }
  return out
}

function mineSlots(): Slot[] {
  const rng = mulberry32(hashSeed('base-mines'))
  return grid(
    -2,
    10,
    0.35,
    2,
    5,
    0.35,
    (s, c) => Math.hypot(s - 3, c - 2),
    () => true,
  ).map((p) => ({
    x: p.x + (rng() - 0.5) * 150,
    y: p.y + (rng() - 0.5) * 150,
    heading: rng() * 2 * Math.PI,
  }))
}

interface Plan {
  slots: Record<Exclude<StructureKind, 'massDriver'>, Slot[]>
  breech: Slot
  lengthM: number
}

const plans = new Map<string, Plan>()

/** The slot lists for a mass driver azimuth (deg) and track length (m); cached. */
export function basePlan(azimuthDeg: number, lengthM: number): Plan {
  const key = `${azimuthDeg}|${lengthM}`
  const hit = plans.get(key)
  if (hit) return hit
  const b = crest(BREECH_S_KM, 0)
  const az = azimuthDeg * DEG
  const tx = Math.sin(az),
    ty = Math.cos(az),
    L = lengthM / 1000
  /** Distance (km) from the track segment. */
  const trackDist = (x: number, y: number) => {
    const u = Math.max(-0.3, Math.min(L + 0.3, (x - b.x) * tx + (y - b.y) * ty))
    return Math.hypot(x - b.x - u * tx, y - b.y - u * ty)
  }
  const clearTrack = (_s: number, _c: number, x: number, y: number) => trackDist(x, y) > 0.12
  const core = (x: number, y: number) => Math.hypot(x, y) < 1.1
  /** The default view's side of the city: azimuth −95° … 0° (north-west), within 3.2 km. */
  const viewSector = (x: number, y: number) => x < 0 && Math.atan2(x, y) > -95 * DEG && Math.hypot(x, y) < 3.2
  /** Service lanes: every fourth row along the crest and every third across it stays empty. */
  const lane = (s: number, c: number) => (Math.round(s / 0.1) + 400) % 4 === 3 || Math.round((c + 4) / 0.15) % 3 === 2
  const padZone = (s: number, c: number) => s < -1.2 && s > -8.4 && Math.abs(c) < 0.8
  const industry = (s: number, c: number) => s > 0.2 && s < 12.2 && c > -2.65 && c < -0.1
  const storeZone = (s: number, c: number) => s > 0.6 && s < 3.2 && c > 0.1 && c < 0.65
  const mineZone = (s: number, c: number) => c > 1.8 && s > -2.3 && s < 10.3
  const plan: Plan = {
    breech: { x: b.x * 1000, y: b.y * 1000, heading: az },
    lengthM,
    slots: {
      habitat: habitatSlots(),
      landingPad: grid(
        -8,
        -1.6,
        0.6,
        0,
        0,
        1,
        (s) => -s,
        (s, c, x, y) => clearTrack(s, c, x, y),
      ),
      factory: grid(0.35, 12, 0.12, -0.61, -0.13, 0.12, (s, c) => s + 2 * Math.abs(c), clearTrack),
      radiator: grid(0.8, 12, 0.1, -2.5, -0.85, 0.15, (s, c) => s + Math.abs(c), clearTrack),
      storage: grid(0.8, 3, 0.15, 0.2, 0.5, 0.15, (s, c) => s + c, clearTrack),
      miningRig: mineSlots(),
      solarTower: grid(
        -9,
        19,
        0.1,
        -4,
        4,
        0.15,
        (s, c) => 4 * Math.abs(c) + 0.2 * Math.abs(s),
        (s, c, x, y) =>
          !core(x, y) && !viewSector(x, y) && !lane(s, c) && !padZone(s, c) && !industry(s, c) && !storeZone(s, c) && !mineZone(s, c) && clearTrack(s, c, x, y),
      ),
    },
  }
  plans.set(key, plan)
  return plan
}

export function planFor(scenario: BaseScenario): Plan {
  const d = driverSpec(scenario)
  return basePlan(d.azimuthDeg, trackLengthM(d.exitSpeedMs, d.accelerationG))
}

/**
 * The structures standing in `state` (from baseStateAt(scenario, t)), each with its place and
 * build time. Kinds with more structures than slots are laid out up to the slot count (see
 * layoutCapacity); none of the default scenario's reaches it by 2060. Bounded whatever the
 * counts (buildTimes keeps at most the slot count of each kind).
 */
export function structureLayout(state: BaseState, scenario: BaseScenario): PlacedStructure[] {
  const plan = planFor(scenario)
  const times = buildTimes(scenario, state.tMs, layoutCapacity(scenario))
  const out: PlacedStructure[] = []
  for (const kind of Object.keys(plan.slots) as (keyof Plan['slots'])[]) {
    const slots = plan.slots[kind]
    const n = Math.min(state.structures[kind], slots.length, times[kind].length)
    for (let k = 0; k < n; k++) {
      const sl = slots[k]
      out.push({ id: `${kind}-${k}`, kind, xM: sl.x, yM: sl.y, headingRad: sl.heading, scale: 1, lengthM: 0, builtAtMs: times[kind][k] })
    }
  }
  if (state.structures.massDriver > 0 && times.massDriver.length > 0) {
    out.push({
      id: 'massDriver-0',
      kind: 'massDriver',
      xM: plan.breech.x,
      yM: plan.breech.y,
      headingRad: plan.breech.heading,
      scale: 1,
      lengthM: plan.lengthM,
      builtAtMs: times.massDriver[0],
    })
  }
  return out
}

/** How many of each kind the plan can place. */
export function layoutCapacity(scenario: BaseScenario): Record<StructureKind, number> {
  const s = planFor(scenario).slots
  return {
    habitat: s.habitat.length,
    landingPad: s.landingPad.length,
    factory: s.factory.length,
    radiator: s.radiator.length,
    storage: s.storage.length,
    miningRig: s.miningRig.length,
    solarTower: s.solarTower.length,
    massDriver: 1,
  }
}
