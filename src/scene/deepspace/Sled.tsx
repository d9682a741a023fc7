/**
 * At low warp, the mass driver at work: the track (L = v²/2a along the launch azimuth and elevation,
 * from the breech of Moon Base Alpha's layout to the muzzle, src/sim/base/layout.ts), a bright bucket accelerating
 * along it for the time on the track before each shot, and the payloads of the last minute leaving
 * the muzzle (straight out at the exit speed, with lunar gravity's drop; after that the in-flight
 * points of Payloads.tsx carry them). Shot instants are those of the worker's windows (spread
 * evenly, swarm.ts shotTimeMs), so the bucket fires exactly when a payload appears.
 */
import { useFrame } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { DEG, MOON_SURFACE_GRAVITY_M_S2 } from '../../sim/constants'
import { BASE_ENU, siteMoonFixedKm } from '../../sim/base/site'
import { basePlan } from '../../sim/base/layout'
import type { MassDriverParams } from '../../sim/massdriver/params'
import { G0_M_S2 } from '../../sim/massdriver/track'
import { vec3 } from '../../sim/vec'
import { simTime, useClock } from '../../state/clock'
import { deepSpace, windowByIndex } from '../../state/deepSpace'
import { useScenario } from '../../state/scenario'
import { frame } from '../frame'

/** Shown up to this warp (sim s per real s); above it a shot is a blur. */
export const SLED_MAX_WARP = 600
const FRESH_S = 60
const MAX_FRESH = 48
const NEAR_MOON_KM = 1.5e5
const TRACK_LIFT_KM = 0.02

const geo = { params: null as MassDriverParams | null, muzzle: vec3(), dir: vec3(), up: vec3(), lengthKm: 0, accel: 0, tTrack: 0, speedKms: 0 }

function updateGeometry(p: MassDriverParams) {
  if (geo.params === p) return
  geo.params = p
  siteMoonFixedKm(geo.muzzle)
  const L = (p.exitSpeedMs * p.exitSpeedMs) / (2 * p.accelerationG * G0_M_S2)
  // The track as Moon Base Alpha lays it out (src/sim/base/layout.ts): from the breech along the
  // azimuth for L, lifted TRACK_LIFT_KM above the site's tangent plane so it reads over the terrain.
  const b = basePlan(p.azimuthDeg, L).breech
  const az = p.azimuthDeg * DEG, el = p.elevationDeg * DEG
  const e = Math.cos(el) * Math.sin(az), n = Math.cos(el) * Math.cos(az), u = Math.sin(el)
  const { east: E, north: N, up: U } = BASE_ENU
  geo.dir.x = E.x * e + N.x * n + U.x * u
  geo.dir.y = E.y * e + N.y * n + U.y * u
  geo.dir.z = E.z * e + N.z * n + U.z * u
  geo.up.x = U.x; geo.up.y = U.y; geo.up.z = U.z
  const bx = b.x / 1000, by = b.y / 1000
  geo.muzzle.x += E.x * bx + N.x * by + U.x * TRACK_LIFT_KM + geo.dir.x * (L / 1000)
  geo.muzzle.y += E.y * bx + N.y * by + U.y * TRACK_LIFT_KM + geo.dir.y * (L / 1000)
  geo.muzzle.z += E.z * bx + N.z * by + U.z * TRACK_LIFT_KM + geo.dir.z * (L / 1000)
  geo.accel = p.accelerationG * G0_M_S2
  geo.lengthKm = (p.exitSpeedMs * p.exitSpeedMs) / (2 * geo.accel) / 1000
  geo.tTrack = p.exitSpeedMs / geo.accel
  geo.speedKms = p.exitSpeedMs / 1000
}

/** Moon-fixed point `along` km along the track direction from the muzzle and `drop` km down → scene, origin-relative. */
function trackPoint(along: number, drop: number, pos: Float32Array, i: number) {
  const m = frame.moonFixed, mo = frame.moon, o = frame.origin
  const fx = geo.muzzle.x + geo.dir.x * along - geo.up.x * drop
  const fy = geo.muzzle.y + geo.dir.y * along - geo.up.y * drop
  const fz = geo.muzzle.z + geo.dir.z * along - geo.up.z * drop
  // Moon-fixed → EQJ: Mᵀ v (M is row-major EQJ → Moon-fixed).
  const x = m[0] * fx + m[3] * fy + m[6] * fz + mo.x - o.x
  const y = m[1] * fx + m[4] * fy + m[7] * fz + mo.y - o.y
  const z = m[2] * fx + m[5] * fy + m[8] * fz + mo.z - o.z
  pos[i * 3] = x
  pos[i * 3 + 1] = z
  pos[i * 3 + 2] = -y
}

export function Sled() {
  const group = useRef<THREE.Group>(null)
  const { trackGeo, pointGeo, pointPos, trackPos, moonScene } = useMemo(() => {
    const trackPos = new Float32Array(6)
    const pointPos = new Float32Array((1 + MAX_FRESH) * 3)
    const colors = new Float32Array((1 + MAX_FRESH) * 3)
    const bucket = new THREE.Color('#fff3b0'), payload = new THREE.Color('#7df9ff')
    for (let i = 0; i <= MAX_FRESH; i++) (i === 0 ? bucket : payload).toArray(colors, i * 3)
    const trackGeo = new THREE.BufferGeometry()
    trackGeo.setAttribute('position', new THREE.BufferAttribute(trackPos, 3).setUsage(THREE.DynamicDrawUsage))
    const pointGeo = new THREE.BufferGeometry()
    pointGeo.setAttribute('position', new THREE.BufferAttribute(pointPos, 3).setUsage(THREE.DynamicDrawUsage))
    pointGeo.setAttribute('color', new THREE.BufferAttribute(colors, 3))
    return { trackGeo, pointGeo, pointPos, trackPos, moonScene: new THREE.Vector3() }
  }, [])

  useFrame(({ camera }) => {
    const g = group.current
    if (!g) return
    const t = simTime.tMs
    const o = frame.origin
    moonScene.set(frame.moon.x - o.x, frame.moon.z - o.z, -(frame.moon.y - o.y))
    const near = camera.position.distanceTo(moonScene) < NEAR_MOON_KM
    g.visible = near && Math.abs(useClock.getState().warp) <= SLED_MAX_WARP
    if (!g.visible) return
    updateGeometry(useScenario.getState().scenario.massDriver as unknown as MassDriverParams)
    trackPoint(-geo.lengthKm, 0, trackPos, 0)
    trackPoint(0, 0, trackPos, 1)
    ;(trackGeo.getAttribute('position') as THREE.BufferAttribute).needsUpdate = true

    // Bucket: the next shot of the current window, if it is on the track now.
    let n = 0
    const W = deepSpace.windowMs
    const w = windowByIndex(Math.floor(t / W))
    let bucket = false
    if (w && w.shots > 0) {
      const k = (t - w.startMs) * w.shots / W
      const jNext = Math.ceil(k - 0.5)
      if (jNext < w.shots) {
        const untilS = (w.startMs + ((jNext + 0.5) * W) / w.shots - t) / 1000
        if (untilS <= geo.tTrack) {
          const ts = geo.tTrack - untilS
          trackPoint(-geo.lengthKm + (0.5 * geo.accel * ts * ts) / 1000, 0, pointPos, 0)
          bucket = true
        }
      }
      // Payloads of the last minute, straight out of the muzzle.
      for (let j = Math.floor(k - 0.5); j >= 0 && n < MAX_FRESH; j--) {
        const ageS = (t - (w.startMs + ((j + 0.5) * W) / w.shots)) / 1000
        if (ageS > FRESH_S) break
        trackPoint(geo.speedKms * ageS, (0.5 * MOON_SURFACE_GRAVITY_M_S2 * ageS * ageS) / 1000, pointPos, 1 + n)
        n++
      }
    }
    pointGeo.setDrawRange(bucket ? 0 : 1, bucket ? 1 + n : n)
    ;(pointGeo.getAttribute('position') as THREE.BufferAttribute).needsUpdate = true
  })

  return (
    <group ref={group} name="deep-sled">
      <lineSegments geometry={trackGeo} frustumCulled={false}>
        <lineBasicMaterial color="#ffd27a" transparent opacity={0.8} />
      </lineSegments>
      <points geometry={pointGeo} frustumCulled={false} renderOrder={6}>
        <pointsMaterial vertexColors size={5} sizeAttenuation={false} depthWrite={false} transparent />
      </points>
    </group>
  )
}
