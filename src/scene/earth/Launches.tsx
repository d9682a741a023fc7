/**
 * Launches as they happen. At low warp each recent flight draws its ascent: from the pad (fixed to
 * the rotating Earth) along its launch azimuth up to the deployment shell, then fades. At every warp
 * the pads glow with the current launch rate, so at high warp the cadence reads as a pulse.
 * All buffers are preallocated; the frame loop writes into them and allocates nothing.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo } from 'react'
import * as THREE from 'three'
import { DEG, EARTH_RADIUS_KM, MS_PER_DAY } from '../../sim/constants'
import { mulMat3TVec, vec3 } from '../../sim/vec'
import { simTime } from '../../state/clock'
import { satellites } from '../../state/constellation'
import { useSim } from '../../state/sim'
import { frame, toScene } from '../frame/frame'

const MAX_ARCS = 12
const SEGMENTS = 40
/** Ascent to orbit insertion ≈ 8.5 min for Starship (IFT flights: SECO near T+8.5 min, SOURCES §2 vehicle). */
const ASCENT_S = 510
/** How long an arc stays after insertion, fading. */
const LINGER_S = 1800
/** Downrange distance to insertion ≈ 1,800 km (typical LEO ascent). */
const DOWNRANGE_RAD = 1800 / EARTH_RADIUS_KM

const _fixed = vec3()
const _eqj = vec3()
const _e = vec3()
const _n = vec3()
const _u = vec3()
const _p = new THREE.Vector3()

/** Writes the pad's local up/east/north unit vectors (EQJ) at the frame time. */
function padFrame(latDeg: number, lonDeg: number) {
  const la = latDeg * DEG,
    lo = lonDeg * DEG
  const m = frame.earthFixed
  mulMat3TVec(_u, m, { x: Math.cos(la) * Math.cos(lo), y: Math.cos(la) * Math.sin(lo), z: Math.sin(la) })
  mulMat3TVec(_e, m, { x: -Math.sin(lo), y: Math.cos(lo), z: 0 })
  mulMat3TVec(_n, m, { x: -Math.sin(la) * Math.cos(lo), y: -Math.sin(la) * Math.sin(lo), z: Math.cos(la) })
}

export function Launches() {
  const { arcs, pads, arcGeom, padGeom } = useMemo(() => {
    const arcGeom = new THREE.BufferGeometry()
    const pos = new Float32Array(MAX_ARCS * SEGMENTS * 2 * 3)
    const alpha = new Float32Array(MAX_ARCS * SEGMENTS * 2)
    arcGeom.setAttribute('position', new THREE.BufferAttribute(pos, 3).setUsage(THREE.DynamicDrawUsage))
    arcGeom.setAttribute('color', new THREE.BufferAttribute(new Float32Array(alpha.length * 3), 3).setUsage(THREE.DynamicDrawUsage))
    const padGeom = new THREE.BufferGeometry()
    padGeom.setAttribute('position', new THREE.BufferAttribute(new Float32Array(8 * 3), 3).setUsage(THREE.DynamicDrawUsage))
    padGeom.setAttribute('color', new THREE.BufferAttribute(new Float32Array(8 * 3), 3).setUsage(THREE.DynamicDrawUsage))
    const arcMat = new THREE.LineBasicMaterial({ vertexColors: true, transparent: true, blending: THREE.AdditiveBlending, depthWrite: false })
    const padMat = new THREE.PointsMaterial({
      size: 7,
      sizeAttenuation: false,
      vertexColors: true,
      transparent: true,
      blending: THREE.AdditiveBlending,
      depthWrite: false,
    })
    const arcs = new THREE.LineSegments(arcGeom, arcMat)
    const pads = new THREE.Points(padGeom, padMat)
    arcs.frustumCulled = pads.frustumCulled = false
    return { arcs, pads, arcGeom, padGeom, arcMat, padMat }
  }, [])

  useSceneFrame(() => {
    const snap = useSim.getState().snapshot
    const launches = snap?.recentLaunches
    const sites = satellites.siteLatLonDeg
    const shells = satellites.shells
    const t = simTime.tMs
    const pos = arcGeom.attributes.position.array as Float32Array
    const col = arcGeom.attributes.color.array as Float32Array
    let v = 0
    if (launches && sites.length) {
      for (let k = launches.length - 1; k >= 0 && v < MAX_ARCS * SEGMENTS * 2; k--) {
        const L = launches[k]
        const age = (t - L.tMs) / 1000
        if (age < 0 || age > ASCENT_S + LINGER_S) continue
        const site = sites[L.siteIndex] ?? sites[0]
        const shell = shells[L.shellIndex]
        if (!shell) continue
        padFrame(site[0], site[1])
        // Launch azimuth for the shell's inclination from this latitude: sin az = cos i / cos φ.
        const s = Math.max(-1, Math.min(1, Math.cos(shell.inclinationRad) / Math.cos(site[0] * DEG)))
        const az = Math.asin(s)
        const progress = Math.min(1, age / ASCENT_S)
        const fade = age <= ASCENT_S ? 1 : 1 - (age - ASCENT_S) / LINGER_S
        const altKm = shell.radiusKm - EARTH_RADIUS_KM
        for (let j = 0; j < SEGMENTS; j++) {
          for (let end = 0; end < 2; end++) {
            const f = ((j + end) / SEGMENTS) * progress
            const theta = f * DOWNRANGE_RAD
            const h = altKm * (1 - (1 - f) * (1 - f))
            const r = EARTH_RADIUS_KM + h
            const dx = Math.sin(az),
              dy = Math.cos(az)
            const c = Math.cos(theta),
              sn = Math.sin(theta)
            _eqj.x = r * (c * _u.x + sn * (dx * _e.x + dy * _n.x))
            _eqj.y = r * (c * _u.y + sn * (dx * _e.y + dy * _n.y))
            _eqj.z = r * (c * _u.z + sn * (dx * _e.z + dy * _n.z))
            toScene(_eqj, _p)
            pos[v * 3] = _p.x
            pos[v * 3 + 1] = _p.y
            pos[v * 3 + 2] = _p.z
            const glow = fade * (0.35 + 0.65 * ((j + end) / SEGMENTS))
            col[v * 3] = 1.0 * glow
            col[v * 3 + 1] = 0.72 * glow
            col[v * 3 + 2] = 0.35 * glow
            v++
          }
        }
      }
    }
    // Upload only what is drawn, and nothing when there was and is no arc.
    if (v > 0 || arcGeom.drawRange.count > 0) {
      for (const a of [arcGeom.attributes.position, arcGeom.attributes.color] as THREE.BufferAttribute[]) {
        a.clearUpdateRanges()
        a.addUpdateRange(0, Math.max(v, 1) * 3)
        a.needsUpdate = true
      }
    }
    arcGeom.setDrawRange(0, v)

    // Pads: brightness from launches in the last ~day of sim time (the cadence's pulse).
    const ppos = padGeom.attributes.position.array as Float32Array
    const pcol = padGeom.attributes.color.array as Float32Array
    let n = 0
    for (let i = 0; i < sites.length && i < 8; i++) {
      padFrame(sites[i][0], sites[i][1])
      _fixed.x = _u.x * EARTH_RADIUS_KM
      _fixed.y = _u.y * EARTH_RADIUS_KM
      _fixed.z = _u.z * EARTH_RADIUS_KM
      toScene(_fixed, _p)
      ppos[n * 3] = _p.x
      ppos[n * 3 + 1] = _p.y
      ppos[n * 3 + 2] = _p.z
      let recent = 0
      if (launches)
        for (let k = 0; k < launches.length; k++) if (launches[k].siteIndex === i && t - launches[k].tMs >= 0 && t - launches[k].tMs < MS_PER_DAY) recent++
      const b = recent > 0 ? Math.min(1, 0.45 + 0.1 * recent) : 0.25
      pcol[n * 3] = b
      pcol[n * 3 + 1] = b * 0.7
      pcol[n * 3 + 2] = b * 0.35
      n++
    }
    padGeom.setDrawRange(0, n)
    padGeom.attributes.position.needsUpdate = true
    padGeom.attributes.color.needsUpdate = true
  })

  return (
    <group name="launches">
      <primitive object={arcs} />
      <primitive object={pads} />
    </group>
  )
}
