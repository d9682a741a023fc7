/**
 * Procedural models of the base's structures, one merged BufferGeometry per kind with vertex
 * colours (one InstancedMesh and one draw call per kind). Metres; y up; the origin is the centre
 * of the footprint on the ground; the front (heading) faces −z. Parts reach a few metres below
 * the ground so a structure on a gentle slope does not float.
 *
 * Every part also carries a `glow` colour (zero for most): windows, lamps, furnace mouths and
 * beacons the city lights itself with, added as emitted light scaled by the night factor
 * (cityLights.ts), so the base reads at lunar night and by day its lamps are faint accents.
 */
import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import type { StructureKind } from '../../sim/base/growth'

export type Rgb = [number, number, number]
const _m = new THREE.Matrix4(),
  _q = new THREE.Quaternion(),
  _e = new THREE.Euler(),
  _s = new THREE.Vector3(),
  _p = new THREE.Vector3()

/** A part: geometry moved to (x, y, z), turned by Euler angles (rad), scaled, painted one colour (also the Starship's, starshipGeometry.ts). */
export function part(
  g: THREE.BufferGeometry,
  color: Rgb,
  at: [number, number, number] = [0, 0, 0],
  rot: [number, number, number] = [0, 0, 0],
  scale: [number, number, number] = [1, 1, 1],
): THREE.BufferGeometry {
  const ng = g.index ? g.toNonIndexed() : g
  if (ng !== g) g.dispose()
  _m.compose(_p.set(...at), _q.setFromEuler(_e.set(...rot)), _s.set(...scale))
  ng.applyMatrix4(_m)
  const n = ng.getAttribute('position').count
  const c = new Float32Array(n * 3)
  for (let i = 0; i < n; i++) c.set(color, i * 3)
  ng.setAttribute('color', new THREE.BufferAttribute(c, 3))
  ng.setAttribute('glow', new THREE.BufferAttribute(new Float32Array(n * 3), 3))
  ng.deleteAttribute('uv')
  return ng
}

/** A part that also glows (a lamp, a window, a furnace mouth): `glow` is its emitted linear RGB at full night. */
export function lit(
  g: THREE.BufferGeometry,
  color: Rgb,
  glow: Rgb,
  at: [number, number, number] = [0, 0, 0],
  rot: [number, number, number] = [0, 0, 0],
  scale: [number, number, number] = [1, 1, 1],
): THREE.BufferGeometry {
  const ng = part(g, color, at, rot, scale)
  const a = ng.getAttribute('glow') as THREE.BufferAttribute
  for (let i = 0; i < a.count; i++) a.setXYZ(i, glow[0], glow[1], glow[2])
  return ng
}

const box = (w: number, h: number, d: number) => new THREE.BoxGeometry(w, h, d)
const cyl = (r: number, h: number, seg = 16, r2 = r) => new THREE.CylinderGeometry(r2, r, h, seg)

// Linear-RGB albedos.
const REGOLITH: Rgb = [0.2, 0.19, 0.175]
const SINTERED: Rgb = [0.3, 0.29, 0.27]
const WHITE: Rgb = [0.78, 0.78, 0.76]
const GREY: Rgb = [0.42, 0.43, 0.45]
const DARK: Rgb = [0.05, 0.05, 0.055]
/** Photovoltaic cells: dark blue glass, not black: lit by the low Sun a panel reads blue (~0.05–0.2 albedo). */
const PANEL: Rgb = [0.03, 0.065, 0.22]
/** The panels' white backsheet. */
const BACKSHEET: Rgb = [0.5, 0.5, 0.5]
const WINDOW: Rgb = [0.05, 0.05, 0.06]
/** Emitted light of lamps and windows at night (linear RGB, warm LED). */
const LAMP: Rgb = [1.6, 1.2, 0.7]
const WINDOW_GLOW: Rgb = [1.1, 0.8, 0.45]
const FURNACE: Rgb = [2.2, 0.8, 0.2]
const BEACON: Rgb = [2.0, 0.25, 0.15]
const COIL_GLOW: Rgb = [0.3, 0.8, 1.6]
const PAINT: Rgb = [0.7, 0.42, 0.05]
const FOIL: Rgb = [0.62, 0.45, 0.12]
const ACCENT: Rgb = [0.75, 0.22, 0.08]

function landingPad(): THREE.BufferGeometry[] {
  // A 120 m sintered-regolith pad with a berm against ejecta, a ring and a cross as markings, and
  // a ring of edge lights with four red beacons on masts (a pilot's night approach).
  const edge = Array.from({ length: 16 }, (_, k) => {
    const a = (k / 16) * Math.PI * 2
    return lit(box(1.2, 0.6, 1.2), WHITE, LAMP, [Math.cos(a) * 61, 0.3, Math.sin(a) * 61])
  })
  return [
    part(cyl(60, 4, 48), SINTERED, [0, -1.6, 0]),
    part(new THREE.TorusGeometry(76, 3.5, 6, 48), REGOLITH, [0, -0.5, 0], [Math.PI / 2, 0, 0], [1, 1, 0.5]),
    part(new THREE.RingGeometry(44, 47, 48), WHITE, [0, 0.45, 0], [-Math.PI / 2, 0, 0]),
    part(box(36, 0.2, 3), WHITE, [0, 0.45, 0]),
    part(box(3, 0.2, 36), WHITE, [0, 0.45, 0]),
    ...edge,
    ...[0, 1, 2, 3].flatMap((k) => {
      const x = Math.cos((k * Math.PI) / 2 + 0.785) * 56,
        z = Math.sin((k * Math.PI) / 2 + 0.785) * 56
      return [part(cyl(0.5, 8, 6), ACCENT, [x, 4, z]), lit(box(1.4, 1.4, 1.4), ACCENT, BEACON, [x, 8.5, z])]
    }),
  ]
}

function habitat(): THREE.BufferGeometry[] {
  // A 19 m drum under a regolith-bag shield, its dome, a lit window band and porthole row, an
  // airlock with a lit door and porch lamp, a radiator fin, a mast with a beacon.
  const bags = Array.from({ length: 12 }, (_, k) => {
    const a = (k / 12) * Math.PI * 2
    return part(box(4.6, 2.6, 1.6), SINTERED, [Math.cos(a) * 10, 1.0, Math.sin(a) * 10], [0, -a + Math.PI / 2, 0])
  })
  const ports = Array.from({ length: 10 }, (_, k) => {
    const a = ((k + 0.5) / 10) * Math.PI * 2
    return lit(box(1.6, 1.1, 0.3), WINDOW, WINDOW_GLOW, [Math.cos(a) * 9.55, 6.2, Math.sin(a) * 9.55], [0, -a + Math.PI / 2, 0])
  })
  return [
    part(cyl(9.5, 9, 24), [0.58, 0.57, 0.55], [0, 2.5, 0]),
    ...bags,
    part(new THREE.SphereGeometry(9.5, 24, 8, 0, Math.PI * 2, 0, Math.PI / 2), WHITE, [0, 7, 0], [0, 0, 0], [1, 0.5, 1]),
    lit(cyl(9.62, 0.8, 24), WINDOW, WINDOW_GLOW, [0, 4.4, 0]),
    ...ports,
    part(box(4, 4, 6), WHITE, [0, 2, -11]),
    lit(box(2.2, 2.6, 0.3), WINDOW, WINDOW_GLOW, [0, 2.1, -14.1]),
    lit(box(0.8, 0.4, 0.8), WHITE, LAMP, [0, 4.3, -13.6]),
    part(box(0.3, 6, 8), WHITE, [10.5, 6, 0]),
    part(cyl(0.25, 8, 6), GREY, [5, 14, 2]),
    lit(box(0.7, 0.7, 0.7), ACCENT, BEACON, [5, 18.2, 2]),
  ]
}

/**
 * Solar tower: a 50 m × 100 m panel on a mast; the panel's face is +z (turned to the Sun). Cells
 * in a 4 × 8 grid of modules, each a slightly different blue (as real strings of cells read in
 * sunlight), with 1.2 m white gaps between them that still read at a kilometre (~1 px), a white
 * backsheet, a mast, an aviation lamp on top.
 */
function solarTower(): THREE.BufferGeometry[] {
  // 32 module planes over the backsheet: ~150 triangles (a thousand towers by 2050, one draw call).
  const parts: THREE.BufferGeometry[] = []
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 8; j++) {
      const k = ((i * 7 + j * 3) % 5) / 4
      const tone: Rgb = [PANEL[0] * (0.85 + 0.35 * k), PANEL[1] * (0.85 + 0.35 * k), PANEL[2] * (0.85 + 0.35 * k)]
      parts.push(part(new THREE.PlaneGeometry(11.2, 11.2), tone, [(i - 1.5) * 12.4, 18.4 + j * 12.4, 0.17]))
    }
  return [
    part(cyl(1, 114, 8, 0.6), GREY, [0, 55, -1.2]),
    part(box(50.6, 100.6, 0.3), BACKSHEET, [0, 61.5, 0]),
    ...parts,
    part(cyl(4, 3, 8), SINTERED, [0, -1, -1.2]),
    lit(box(0.8, 0.8, 0.8), ACCENT, BEACON, [0, 112.5, -1.2]),
  ]
}

function radiator(): THREE.BufferGeometry[] {
  // Six vertical two-sided fins, 60 m × 12 m, edge-on to the low Sun along the heading, with coolant headers.
  const fins = [0, 1, 2, 3, 4, 5].map((k) => part(box(0.4, 12, 60), WHITE, [(k - 2.5) * 8, 7, 0]))
  return [
    ...fins,
    part(box(44, 1.6, 2), GREY, [0, 1, 0]),
    part(box(2, 2, 62), GREY, [0, 0.2, 0]),
    part(box(42, 0.8, 0.8), PAINT, [0, 13.4, 30]),
    part(box(42, 0.8, 0.8), PAINT, [0, 13.4, -30]),
  ]
}

function miningRig(): THREE.BufferGeometry[] {
  // A bucket-wheel excavator: tracks, body, boom and wheel, work lamps, with a spoil heap beside it.
  return [
    part(box(2.5, 2.5, 14), DARK, [-4, 1, 0]),
    part(box(2.5, 2.5, 14), DARK, [4, 1, 0]),
    part(box(9, 5, 10), PAINT, [0, 4.5, 1]),
    lit(box(3, 1.4, 0.3), WINDOW, WINDOW_GLOW, [0, 6, -4.1]),
    part(box(1.5, 1.5, 14), PAINT, [0, 6, -10], [0.35, 0, 0]),
    part(cyl(5, 1.6, 14), GREY, [0, 4, -17], [0, 0, Math.PI / 2]),
    lit(box(1, 1, 1), WHITE, LAMP, [-3.5, 7.5, -3]),
    lit(box(1, 1, 1), WHITE, LAMP, [3.5, 7.5, -3]),
    part(new THREE.ConeGeometry(12, 7, 14), REGOLITH, [18, 1.5, 6]),
  ]
}

function factory(): THREE.BufferGeometry[] {
  // A 90 m hall (satellite assembly) with a sawtooth roof of skylights, a lit clerestory, two
  // regolith-reduction furnaces with glowing mouths, a conveyor from the loading bay, lamp masts,
  // and an oxygen tank farm (the furnaces' product: two spheres on legs) at the far end.
  const teeth = Array.from({ length: 6 }, (_, k) => part(box(14, 4, 40), [0.6, 0.62, 0.66], [(k - 2.5) * 15, 17.5, 0], [0, 0, 0.28]))
  const skylights = Array.from({ length: 6 }, (_, k) => lit(box(0.4, 3, 38), WINDOW, WINDOW_GLOW, [(k - 2.5) * 15 + 6.6, 17.6, 0]))
  const windows = Array.from({ length: 8 }, (_, k) => lit(box(7, 2.2, 0.4), WINDOW, WINDOW_GLOW, [(k - 3.5) * 10.5, 9, -20.2]))
  const masts = [-45, 45].flatMap((x) => [part(cyl(0.3, 16, 6), GREY, [x, 8, -26]), lit(box(2.4, 0.8, 1.2), WHITE, LAMP, [x, 16.2, -26])])
  return [
    part(box(90, 16, 40), [0.66, 0.67, 0.7], [0, 6, 0]),
    ...teeth,
    ...skylights,
    ...windows,
    part(box(86, 1.2, 1), [0.9, 0.75, 0.35], [0, 14, -20.3]),
    part(cyl(6, 26, 16), [0.35, 0.34, 0.33], [-30, 11, 28]),
    part(cyl(6, 26, 16), [0.35, 0.34, 0.33], [-14, 11, 28]),
    lit(box(4, 3, 0.6), DARK, FURNACE, [-30, 3, 21.8]),
    lit(box(4, 3, 0.6), DARK, FURNACE, [-14, 3, 21.8]),
    part(box(3, 1.5, 30), PAINT, [8, 3, 34], [0.12, 0, 0]),
    part(box(14, 10, 10), DARK, [30, 3, -22]),
    lit(box(12, 0.6, 0.4), WINDOW, LAMP, [30, 8.5, -27.2]),
    ...masts,
    part(new THREE.SphereGeometry(6, 14, 8), WHITE, [56, 9, -8]),
    part(new THREE.SphereGeometry(6, 14, 8), WHITE, [56, 9, 8]),
    part(box(1, 6, 22), GREY, [56, 3, 0]),
    part(box(12, 1.2, 1.2), PAINT, [50, 9, 0]),
  ]
}

function storage(): THREE.BufferGeometry[] {
  // A yard of packed satellites in foil under a gantry, two propellant tanks, yard lamps.
  const crates: THREE.BufferGeometry[] = []
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 3; j++) crates.push(part(box(7, 4 + ((i + j) % 2) * 2, 7), (i + j) % 3 ? FOIL : WHITE, [(i - 1.5) * 10, 2, (j - 1) * 10]))
  return [
    ...crates,
    part(box(46, 1, 1.5), PAINT, [0, 10, -16]),
    part(box(46, 1, 1.5), PAINT, [0, 10, 16]),
    ...[-22, 22].flatMap((x) => [part(box(1, 11, 1), PAINT, [x, 4.5, -16]), part(box(1, 11, 1), PAINT, [x, 4.5, 16])]),
    lit(box(2, 0.6, 1), WHITE, LAMP, [-22, 10.8, 0]),
    lit(box(2, 0.6, 1), WHITE, LAMP, [22, 10.8, 0]),
    part(new THREE.CapsuleGeometry(4, 14, 4, 12), WHITE, [0, 4, 28], [0, 0, Math.PI / 2]),
    part(new THREE.CapsuleGeometry(4, 14, 4, 12), WHITE, [0, 4, 38], [0, 0, Math.PI / 2]),
  ]
}

const BUILDERS: Record<Exclude<StructureKind, 'massDriver'>, () => THREE.BufferGeometry[]> = {
  landingPad,
  habitat,
  solarTower,
  radiator,
  miningRig,
  factory,
  storage,
}

/** The merged model of a kind (the mass driver's track is built along the terrain elsewhere). */
export function structureGeometry(kind: Exclude<StructureKind, 'massDriver'>): THREE.BufferGeometry {
  const g = mergeGeometries(BUILDERS[kind]())
  if (!g) throw new Error(`structure model ${kind}: parts could not be merged`)
  g.computeBoundingSphere()
  return g
}

/**
 * The mass driver: a sintered bed, two rails on it, pylons every 40 m, and a coil frame (a square
 * of four bars with a glowing inner face: the drive coils) every 20 m, lamps along both sides every
 * 80 m, and a muzzle gate at the end (points in metres, local, breech first).
 */
export function massDriverGeometry(points: THREE.Vector3[]): THREE.BufferGeometry {
  const parts: THREE.BufferGeometry[] = []
  const dir = new THREE.Vector3(),
    side = new THREE.Vector3(),
    up = new THREE.Vector3(0, 1, 0),
    y = new THREE.Vector3()
  const q = new THREE.Quaternion(),
    m = new THREE.Matrix4(),
    e = new THREE.Euler()
  const RAIL: Rgb = [0.7, 0.7, 0.72]
  const COIL: Rgb = [0.72, 0.44, 0.18]
  let coil = 0,
    lamp = 0,
    along = 0
  const last = points.length - 1
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1],
      b = points[i]
    dir.subVectors(b, a)
    const len = dir.length()
    dir.normalize()
    side.crossVectors(up, dir).normalize()
    y.crossVectors(dir, side)
    m.makeBasis(side, y, dir)
    e.setFromQuaternion(q.setFromRotationMatrix(m))
    const rot: [number, number, number] = [e.x, e.y, e.z]
    const mid = a.clone().add(b).multiplyScalar(0.5)
    for (const s of [-1.4, 1.4]) {
      const p = mid.clone().addScaledVector(side, s)
      parts.push(part(box(0.6, 0.8, len + 0.05), RAIL, [p.x, p.y + 0.5, p.z], rot))
    }
    parts.push(part(box(6, 1.4, len + 0.05), SINTERED, [mid.x, mid.y - 0.7, mid.z], rot))
    // Frames and lamps at fixed spacing along the track (segments are ~25 m).
    for (let s = Math.ceil(along / 20) * 20; s < along + len; s += 20) {
      const p = a.clone().addScaledVector(dir, s - along)
      const at = (dx: number, dy: number): [number, number, number] => [p.x + side.x * dx, p.y + dy, p.z + side.z * dx]
      coil++
      parts.push(part(box(0.7, 5.4, 1.2), COIL, at(-2.6, 2.2), rot), part(box(0.7, 5.4, 1.2), COIL, at(2.6, 2.2), rot))
      parts.push(lit(box(5.9, 0.7, 1.2), COIL, coil % 2 ? COIL_GLOW : [0, 0, 0], at(0, 4.9), rot))
      if (s % 40 === 0) parts.push(part(box(1.2, 4, 1.2), GREY, at(-4.2, 0.5), rot), part(box(1.2, 4, 1.2), GREY, at(4.2, 0.5), rot))
      if (s % 80 === 0) {
        lamp++
        parts.push(lit(box(0.6, 0.6, 0.6), WHITE, LAMP, at(lamp % 2 ? -5 : 5, 3)))
      }
    }
    along += len
    if (i === last) {
      // Muzzle gate: a taller frame with a beacon on each side.
      const at = (dx: number, dy: number): [number, number, number] => [b.x + side.x * dx, b.y + dy, b.z + side.z * dx]
      parts.push(part(box(1.6, 14, 2.4), GREY, at(-5, 5), rot), part(box(1.6, 14, 2.4), GREY, at(5, 5), rot), part(box(11.6, 1.6, 2.4), GREY, at(0, 12), rot))
      parts.push(lit(box(1.2, 1.2, 1.2), ACCENT, BEACON, at(-5, 12.8)), lit(box(1.2, 1.2, 1.2), ACCENT, BEACON, at(5, 12.8)))
    }
  }
  const g = mergeGeometries(parts)
  if (!g) throw new Error('mass-driver track: parts could not be merged')
  g.computeBoundingSphere()
  return g
}
