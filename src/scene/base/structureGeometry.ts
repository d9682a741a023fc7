/**
 * Procedural models of the base's structures, one merged BufferGeometry per kind with vertex
 * colours (one InstancedMesh and one draw call per kind). Metres; y up; the origin is the centre
 * of the footprint on the ground; the front (heading) faces −z. Parts reach a few metres below
 * the ground so a structure on a gentle slope does not float.
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
  ng.deleteAttribute('uv')
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
const PANEL: Rgb = [0.015, 0.03, 0.09]
const PAINT: Rgb = [0.7, 0.42, 0.05]
const FOIL: Rgb = [0.62, 0.45, 0.12]
const ACCENT: Rgb = [0.75, 0.22, 0.08]

function landingPad(): THREE.BufferGeometry[] {
  // A 120 m sintered-regolith pad with a berm against ejecta, a ring and a cross as markings.
  return [
    part(cyl(60, 4, 48), SINTERED, [0, -1.6, 0]),
    part(new THREE.TorusGeometry(76, 3.5, 6, 48), REGOLITH, [0, -0.5, 0], [Math.PI / 2, 0, 0], [1, 1, 0.5]),
    part(new THREE.RingGeometry(44, 47, 48), WHITE, [0, 0.45, 0], [-Math.PI / 2, 0, 0]),
    part(box(36, 0.2, 3), WHITE, [0, 0.45, 0]),
    part(box(3, 0.2, 36), WHITE, [0, 0.45, 0]),
    ...[0, 1, 2, 3].map((k) => part(cyl(0.8, 3, 6), ACCENT, [Math.cos((k * Math.PI) / 2 + 0.785) * 56, 1.5, Math.sin((k * Math.PI) / 2 + 0.785) * 56])),
  ]
}

function habitat(): THREE.BufferGeometry[] {
  // A 18 m drum under regolith shielding with a dome, an airlock and a mast.
  return [
    part(cyl(9.5, 9, 20), REGOLITH, [0, 1.5, 0]),
    part(new THREE.SphereGeometry(9.5, 20, 8, 0, Math.PI * 2, 0, Math.PI / 2), GREY, [0, 6, 0], [0, 0, 0], [1, 0.55, 1]),
    part(box(4, 4, 6), WHITE, [0, 2, -11]),
    part(box(2.6, 2.6, 0.3), DARK, [0, 2.2, -14.1]),
    part(cyl(0.25, 8, 6), GREY, [5, 14, 2]),
  ]
}

/** Solar tower: a 50 m × 100 m panel on a mast; the panel's face is +z (turned to the Sun). */
function solarTower(): THREE.BufferGeometry[] {
  return [
    part(cyl(1, 114, 8, 0.6), GREY, [0, 55, 0.9]),
    part(box(50, 100, 0.5), PANEL, [0, 62, 0]),
    part(box(50.6, 1, 0.7), WHITE, [0, 112.2, 0]),
    part(box(50.6, 1, 0.7), WHITE, [0, 11.8, 0]),
    part(box(1, 100, 0.7), WHITE, [0, 62, 0]),
    part(cyl(4, 3, 8), SINTERED, [0, -1, 0.9]),
  ]
}

function radiator(): THREE.BufferGeometry[] {
  // Six vertical two-sided fins, 60 m × 12 m, edge-on to the low Sun along the heading.
  const fins = [0, 1, 2, 3, 4, 5].map((k) => part(box(0.4, 12, 60), WHITE, [(k - 2.5) * 8, 7, 0]))
  return [...fins, part(box(44, 1.6, 2), GREY, [0, 1, 0]), part(box(2, 2, 62), GREY, [0, 0.2, 0])]
}

function miningRig(): THREE.BufferGeometry[] {
  // A bucket-wheel excavator: tracks, body, boom and wheel, with a spoil heap beside it.
  return [
    part(box(2.5, 2.5, 14), DARK, [-4, 1, 0]),
    part(box(2.5, 2.5, 14), DARK, [4, 1, 0]),
    part(box(9, 5, 10), PAINT, [0, 4.5, 1]),
    part(box(1.5, 1.5, 14), PAINT, [0, 6, -10], [0.35, 0, 0]),
    part(cyl(5, 1.6, 14), GREY, [0, 4, -17], [0, 0, Math.PI / 2]),
    part(new THREE.ConeGeometry(12, 7, 14), REGOLITH, [18, 1.5, 6]),
  ]
}

function factory(): THREE.BufferGeometry[] {
  // A 90 m hall with a clerestory, two furnaces (regolith reduction) and a loading bay.
  return [
    part(box(90, 18, 40), [0.5, 0.52, 0.55], [0, 7, 0]),
    part(box(90, 5, 16), GREY, [0, 18, 0]),
    part(box(86, 1.2, 1), [0.9, 0.75, 0.35], [0, 14, -20.3]),
    part(cyl(6, 26, 16), [0.35, 0.34, 0.33], [-30, 11, 28]),
    part(cyl(6, 26, 16), [0.35, 0.34, 0.33], [-14, 11, 28]),
    part(box(14, 10, 10), DARK, [30, 3, -22]),
  ]
}

function storage(): THREE.BufferGeometry[] {
  // A yard of packed satellites in foil under a gantry, and two propellant tanks.
  const crates: THREE.BufferGeometry[] = []
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 3; j++) crates.push(part(box(7, 4 + ((i + j) % 2) * 2, 7), (i + j) % 3 ? FOIL : WHITE, [(i - 1.5) * 10, 2, (j - 1) * 10]))
  return [
    ...crates,
    part(box(46, 1, 1.5), PAINT, [0, 10, -16]),
    part(box(46, 1, 1.5), PAINT, [0, 10, 16]),
    ...[-22, 22].flatMap((x) => [part(box(1, 11, 1), PAINT, [x, 4.5, -16]), part(box(1, 11, 1), PAINT, [x, 4.5, 16])]),
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

/** The mass driver: two rails and a coil hoop every 40 m along a profile (points in metres, local). */
export function massDriverGeometry(points: THREE.Vector3[]): THREE.BufferGeometry {
  const parts: THREE.BufferGeometry[] = []
  const dir = new THREE.Vector3(),
    side = new THREE.Vector3(),
    up = new THREE.Vector3(0, 1, 0),
    y = new THREE.Vector3()
  const q = new THREE.Quaternion(),
    m = new THREE.Matrix4(),
    e = new THREE.Euler()
  let since = 0
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
    const mid = a.clone().add(b).multiplyScalar(0.5)
    for (const s of [-1.4, 1.4]) {
      const p = mid.clone().addScaledVector(side, s)
      parts.push(part(box(0.6, 0.8, len + 0.05), [0.6, 0.6, 0.62], [p.x, p.y + 0.5, p.z], [e.x, e.y, e.z]))
    }
    parts.push(part(box(4.5, 1.2, len + 0.05), SINTERED, [mid.x, mid.y - 0.6, mid.z], [e.x, e.y, e.z]))
    since += len
    if (since >= 40) {
      since = 0
      parts.push(part(new THREE.TorusGeometry(2.6, 0.35, 5, 14), [0.75, 0.45, 0.2], [b.x, b.y + 1.5, b.z], [e.x, e.y, e.z]))
    }
  }
  const g = mergeGeometries(parts)
  if (!g) throw new Error('mass-driver track: parts could not be merged')
  g.computeBoundingSphere()
  return g
}
