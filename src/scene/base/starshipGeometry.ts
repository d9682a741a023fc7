/**
 * A Starship HLS (lunar lander variant) for the landings (Landings.tsx): one merged geometry with
 * vertex colours, metres, y up, the origin on the ground between the landing feet. Proportions
 * of SpaceX's HLS renders: 9 m across and 50 m tall, stainless steel with an ogive nose and no
 * flaps or heat shield, a dark band of solar arrays high on the hull with the landing thrusters
 * just under it, an airlock door near the top, six landing legs spread to ~16 m, and three
 * Raptor bells under the aft skirt. Also the engine plume (a nested pair of additive cones,
 * brightest at the nozzles and fading to black at the tip) and the glow it throws on the pad.
 */
import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'

import { part, type Rgb } from './structureGeometry'

/** A strut of square section from a to b. */
function strut(a: THREE.Vector3, b: THREE.Vector3, w: number, color: Rgb): THREE.BufferGeometry {
  const d = new THREE.Vector3().subVectors(b, a)
  const g = new THREE.BoxGeometry(w, d.length(), w)
  const q = new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(0, 1, 0), d.clone().normalize())
  const e = new THREE.Euler().setFromQuaternion(q)
  const mid = a.clone().add(b).multiplyScalar(0.5)
  return part(g, color, [mid.x, mid.y, mid.z], [e.x, e.y, e.z])
}

// Linear-RGB albedos.
const STEEL: Rgb = [0.55, 0.56, 0.58]
const STEEL_DARK: Rgb = [0.36, 0.37, 0.39]
const ARRAY: Rgb = [0.02, 0.03, 0.07]
const DARK: Rgb = [0.04, 0.04, 0.045]
const LEG: Rgb = [0.3, 0.3, 0.31]

export const SHIP_RADIUS_M = 4.5
export const SHIP_HEIGHT_M = 50
/** Height of the hull's bottom (the aft skirt) above the feet, and of the nozzle exits. */
const HULL_BOTTOM_M = 3.2
export const NOZZLE_EXIT_M = 1.4
const NOSE_BASE_M = 40

export function starshipGeometry(): THREE.BufferGeometry {
  const R = SHIP_RADIUS_M
  const parts: THREE.BufferGeometry[] = []
  // Hull: the steel cylinder with a slightly darker aft skirt and a dome under it.
  parts.push(part(new THREE.CylinderGeometry(R, R, NOSE_BASE_M - HULL_BOTTOM_M - 3, 40, 1, true), STEEL, [0, (NOSE_BASE_M + HULL_BOTTOM_M + 3) / 2, 0]))
  parts.push(part(new THREE.CylinderGeometry(R, R, 3, 40, 1, true), STEEL_DARK, [0, HULL_BOTTOM_M + 1.5, 0]))
  parts.push(part(new THREE.CircleGeometry(R, 40), DARK, [0, HULL_BOTTOM_M, 0], [Math.PI / 2, 0, 0]))
  // Ogive nose (tangent ogive of length 10 m on a 4.5 m radius), closed at the tip.
  const L = SHIP_HEIGHT_M - NOSE_BASE_M
  const rho = (R * R + L * L) / (2 * R)
  const prof: THREE.Vector2[] = []
  for (let i = 0; i <= 12; i++) {
    const x = (i / 12) * L
    const r = Math.sqrt(Math.max(0, rho * rho - x * x)) + R - rho
    prof.push(new THREE.Vector2(Math.max(0.001, r), NOSE_BASE_M + x))
  }
  parts.push(part(new THREE.LatheGeometry(prof, 40), STEEL))
  // Solar-array band and, under it, four landing-thruster pods.
  parts.push(part(new THREE.CylinderGeometry(R + 0.05, R + 0.05, 3.4, 40, 1, true), ARRAY, [0, 34.6, 0]))
  for (let k = 0; k < 4; k++) {
    const a = (k + 0.5) * (Math.PI / 2)
    parts.push(part(new THREE.BoxGeometry(1.6, 2.4, 1.2), DARK, [Math.sin(a) * (R + 0.4), 31.4, Math.cos(a) * (R + 0.4)], [0, a, 0]))
  }
  // Airlock door and the elevator's rail beside it, facing −z (the heading).
  parts.push(part(new THREE.BoxGeometry(2.2, 3, 0.3), DARK, [0, 38.2, -R - 0.05]))
  parts.push(part(new THREE.BoxGeometry(0.35, 34, 0.3), STEEL_DARK, [1.9, 20.5, -R + 0.25]))
  // Raptor bells (three sea-level engines) under the skirt.
  for (let k = 0; k < 3; k++) {
    const a = (k * 2 * Math.PI) / 3
    parts.push(
      part(new THREE.CylinderGeometry(0.45, 0.65, HULL_BOTTOM_M - NOZZLE_EXIT_M, 12, 1, true), DARK, [
        Math.sin(a) * 1.5,
        (HULL_BOTTOM_M + NOZZLE_EXIT_M) / 2,
        Math.cos(a) * 1.5,
      ]),
    )
  }
  // Six landing legs: a main strut and a brace from the skirt to a foot pad at ~8 m radius.
  for (let k = 0; k < 6; k++) {
    const a = ((k + 0.5) * Math.PI) / 3
    const c = Math.cos(a),
      s = Math.sin(a)
    const foot = new THREE.Vector3(s * 8, 0.5, c * 8)
    parts.push(strut(new THREE.Vector3(s * (R - 0.2), 11, c * (R - 0.2)), foot, 0.6, LEG))
    parts.push(strut(new THREE.Vector3(s * (R - 0.2), HULL_BOTTOM_M + 0.5, c * (R - 0.2)), foot, 0.4, LEG))
    parts.push(part(new THREE.CylinderGeometry(1.1, 1.2, 0.5, 10), LEG, [foot.x, 0.25, foot.z]))
  }
  const g = mergeGeometries(parts)
  for (const p of parts) p.dispose()
  g.computeBoundingSphere()
  return g
}

/** Paints a geometry by height: colour × fade(y), for additive glows that end in black. */
function fadeBy(g: THREE.BufferGeometry, color: Rgb, fade: (y: number) => number): THREE.BufferGeometry {
  const pos = g.getAttribute('position')
  const c = new Float32Array(pos.count * 3)
  for (let i = 0; i < pos.count; i++) {
    const f = fade(pos.getY(i))
    c[i * 3] = color[0] * f
    c[i * 3 + 1] = color[1] * f
    c[i * 3 + 2] = color[2] * f
  }
  g.setAttribute('color', new THREE.BufferAttribute(c, 3))
  g.deleteAttribute('uv')
  g.deleteAttribute('normal')
  return g
}

/**
 * The plume below the engines, 1 m long along −y from the nozzle exits at the origin (instances
 * scale it to length): a wide, faint outer cone (methalox in vacuum expands widely) and a narrow
 * bright core. Scaled per instance; brightness via the instance colour.
 */
export function plumeGeometry(): THREE.BufferGeometry {
  const outer = new THREE.CylinderGeometry(2.6, 0.25, 1, 24, 10, true).translate(0, -0.5, 0)
  const core = new THREE.CylinderGeometry(0.8, 0.14, 0.4, 16, 6, true).translate(0, -0.2, 0)
  const g = mergeGeometries([fadeBy(outer, [0.3, 0.27, 0.42], (y) => (1 + y) ** 2.5), fadeBy(core, [0.9, 0.7, 0.52], (y) => Math.max(0, 1 + y / 0.4) ** 1.8)])
  outer.dispose()
  core.dispose()
  return g
}

/** The pad lit by the engines: a disc of radius 1 (scaled), bright in the middle, black at the rim. */
export function padGlowGeometry(): THREE.BufferGeometry {
  const g = new THREE.RingGeometry(0.001, 1, 32, 6).rotateX(-Math.PI / 2)
  const pos = g.getAttribute('position')
  const c = new Float32Array(pos.count * 3)
  for (let i = 0; i < pos.count; i++) {
    const r = Math.hypot(pos.getX(i), pos.getZ(i))
    // Soft and warm, at most ~half the brightness added to the lit pad (a brighter disc read as an
    // overexposed white ellipse in landing shots).
    const f = (1 - Math.min(1, r)) ** 3
    c.set([0.5 * f, 0.3 * f, 0.15 * f], i * 3)
  }
  g.setAttribute('color', new THREE.BufferAttribute(c, 3))
  g.deleteAttribute('uv')
  return g
}
