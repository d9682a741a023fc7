/**
 * At low warp, the mass driver at work: the track (L = v²/2a along the launch azimuth, the drawn
 * rails' centre line from src/scene/base/trackLine.ts), a bright bucket accelerating
 * along it for the time on the track before each shot, and the payloads of the last minute leaving
 * the muzzle (straight out at the exit speed, with lunar gravity's drop; after that the in-flight
 * points of Payloads.tsx carry them). Shot instants are those of the worker's windows (spread
 * evenly through the window: shot j at start + (j + ½)·W / shots, src/sim/massDriver/windowLog.ts),
 * so the bucket fires exactly when a payload appears. Close up the bucket is also a lit sled (a 9 m
 * box on the rails, turned along them), and each shot leaves a muzzle flash: a glow at the muzzle
 * that fades over FLASH_S sim seconds (longer at high warp, so a frame catches it).
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { DEG, MOON_SURFACE_GRAVITY_M_S2 } from '../../sim/constants'
import { BASE_ENU, siteMoonFixedKm } from '../../sim/base/site'
import type { BaseLayoutData } from '../../sim/base/snapshot'
import type { MassDriverParams } from '../../sim/massDriver/params'
import { sledPositionM, trackFigures } from '../../sim/massDriver/track'
import { vec3, type Vec3 } from '../../sim/vec'
import { useBase } from '../../state/base'
import { trackCentreLine } from '../base/trackLine'
import { simTime, useClock } from '../../state/clock'
import { deepSpace, windowByIndex } from '../../state/deepSpace'
import { useScenario } from '../../state/scenario'
import { frame } from '../frame/frame'

/** Shown up to this warp (sim s per real s); above it a shot is a blur. */
const SLED_MAX_WARP = 600
const FRESH_S = 60
const MAX_FRESH = 48
const NEAR_MOON_KM = 1.5e5
/** The muzzle flash's e-folding time, sim s (× warp/10 above 10×). */
const FLASH_S = 0.35
/** Muzzle flash diameter at full strength, km. */
const FLASH_KM = 0.09
/** Points of the drawn track line (the centre line has one every 25 m: 128 covers 3.2 km). */
const MAX_TRACK_POINTS = 256

const geo = {
  params: null as MassDriverParams | null,
  layout: null as BaseLayoutData | null,
  /** The drawn track's centre line, Moon-fixed km, breech first (src/scene/base/trackLine.ts). */
  line: [] as Vec3[],
  /** Cumulative length along the line, km. */
  cum: [] as number[],
  muzzle: vec3(),
  dir: vec3(),
  up: vec3(),
  lengthKm: 0,
  tTrack: 0,
  speedKms: 0,
}

function updateGeometry(p: MassDriverParams, layout: BaseLayoutData) {
  if (geo.params === p && geo.layout === layout) return
  geo.params = p
  geo.layout = layout
  const site = siteMoonFixedKm(vec3())
  const { east: E, north: N, up: U } = BASE_ENU
  // Local metres (x east, y up, z south) → Moon-fixed km.
  geo.line = trackCentreLine(layout).map((q) => {
    const e = q.x / 1000,
      u = q.y / 1000,
      n = -q.z / 1000
    return vec3(site.x + E.x * e + N.x * n + U.x * u, site.y + E.y * e + N.y * n + U.y * u, site.z + E.z * e + N.z * n + U.z * u)
  })
  geo.cum = [0]
  for (let i = 1; i < geo.line.length; i++) {
    const a = geo.line[i - 1],
      b = geo.line[i]
    geo.cum.push(geo.cum[i - 1] + Math.hypot(b.x - a.x, b.y - a.y, b.z - a.z))
  }
  const last = geo.line[geo.line.length - 1]
  if (last) {
    geo.muzzle.x = last.x
    geo.muzzle.y = last.y
    geo.muzzle.z = last.z
  }
  // Payloads leave along the launch azimuth and elevation in the local horizon (the shot's own
  // direction, src/sim/massDriver/shot.ts); the track follows the ground to within metres.
  const az = p.azimuthDeg * DEG,
    el = p.elevationDeg * DEG
  const e = Math.cos(el) * Math.sin(az),
    n = Math.cos(el) * Math.cos(az),
    u = Math.sin(el)
  geo.dir.x = E.x * e + N.x * n + U.x * u
  geo.dir.y = E.y * e + N.y * n + U.y * u
  geo.dir.z = E.z * e + N.z * n + U.z * u
  geo.up.x = U.x
  geo.up.y = U.y
  geo.up.z = U.z
  const tf = trackFigures(p)
  geo.lengthKm = tf.lengthM / 1000
  geo.tTrack = tf.timeOnTrackS
  geo.speedKms = p.exitSpeedMs / 1000
}

/** Moon-fixed km → scene, origin-relative, into pos[i]. */
function fixedToScene(fx: number, fy: number, fz: number, pos: Float32Array, i: number) {
  const m = frame.moonFixed,
    mo = frame.moon,
    o = frame.origin
  // Moon-fixed → EQJ: Mᵀ v (M is row-major EQJ → Moon-fixed).
  const x = m[0] * fx + m[3] * fy + m[6] * fz + mo.x - o.x
  const y = m[1] * fx + m[4] * fy + m[7] * fz + mo.y - o.y
  const z = m[2] * fx + m[5] * fy + m[8] * fz + mo.z - o.z
  pos[i * 3] = x
  pos[i * 3 + 1] = z
  pos[i * 3 + 2] = -y
}

/** A point `along` km past the muzzle on the launch direction, `drop` km down → scene. */
function pastMuzzle(along: number, drop: number, pos: Float32Array, i: number) {
  fixedToScene(
    geo.muzzle.x + geo.dir.x * along - geo.up.x * drop,
    geo.muzzle.y + geo.dir.y * along - geo.up.y * drop,
    geo.muzzle.z + geo.dir.z * along - geo.up.z * drop,
    pos,
    i,
  )
}

/** The point a fraction f (0 breech … 1 muzzle) of the way along the drawn track → scene. */
function onTrack(f: number, pos: Float32Array, i: number) {
  const L = geo.line,
    C = geo.cum
  const s = Math.min(1, Math.max(0, f)) * C[C.length - 1]
  let k = 1
  while (k < C.length - 1 && C[k] < s) k++
  const a = L[k - 1],
    b = L[k]
  const u = C[k] > C[k - 1] ? (s - C[k - 1]) / (C[k] - C[k - 1]) : 0
  fixedToScene(a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u, a.z + (b.z - a.z) * u, pos, i)
}

const _scratch = new Float32Array(3)
const _muzzle = new THREE.Vector3()

function flashTexture(): THREE.DataTexture {
  const n = 64
  const data = new Uint8Array(n * n * 4)
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(i + 0.5 - n / 2, j + 0.5 - n / 2) / (n / 2)
      const v = r >= 1 ? 0 : Math.exp(-r * r * 6) * (1 - r)
      data.set([255 * Math.min(1, v * 1.6), 255 * Math.min(1, v * 1.3), 255 * v, 255], (j * n + i) * 4)
    }
  const t = new THREE.DataTexture(data, n, n)
  t.needsUpdate = true
  return t
}

export function Sled() {
  const group = useRef<THREE.Group>(null)
  const sled = useRef<THREE.Mesh>(null)
  const flash = useRef<THREE.Sprite>(null)
  const { sledGeo, sledMat, flashMat } = useMemo(
    () => ({
      sledGeo: new THREE.BoxGeometry(0.0035, 0.0025, 0.009),
      sledMat: new THREE.MeshBasicMaterial({ color: '#fff3b0' }),
      flashMat: new THREE.SpriteMaterial({ map: flashTexture(), blending: THREE.AdditiveBlending, transparent: true, depthWrite: false }),
    }),
    [],
  )
  const { trackGeo, trackLine, pointGeo, pointPos, trackPos, moonScene } = useMemo(() => {
    const trackPos = new Float32Array(3 * MAX_TRACK_POINTS)
    const pointPos = new Float32Array((1 + MAX_FRESH) * 3)
    const colors = new Float32Array((1 + MAX_FRESH) * 3)
    const bucket = new THREE.Color('#fff3b0'),
      payload = new THREE.Color('#7df9ff')
    for (let i = 0; i <= MAX_FRESH; i++) (i === 0 ? bucket : payload).toArray(colors, i * 3)
    const trackGeo = new THREE.BufferGeometry()
    trackGeo.setAttribute('position', new THREE.BufferAttribute(trackPos, 3).setUsage(THREE.DynamicDrawUsage))
    const pointGeo = new THREE.BufferGeometry()
    pointGeo.setAttribute('position', new THREE.BufferAttribute(pointPos, 3).setUsage(THREE.DynamicDrawUsage))
    pointGeo.setAttribute('color', new THREE.BufferAttribute(colors, 3))
    // A line strip (the rails follow the ground); <line> in JSX would be SVG's.
    const trackLine = new THREE.Line(trackGeo, new THREE.LineBasicMaterial({ color: '#ffd27a', transparent: true, opacity: 0.8 }))
    trackLine.frustumCulled = false
    return { trackGeo, trackLine, pointGeo, pointPos, trackPos, moonScene: new THREE.Vector3() }
  }, [])

  useSceneFrame(({ camera }) => {
    const g = group.current
    if (!g) return
    const t = simTime.tMs
    const o = frame.origin
    moonScene.set(frame.moon.x - o.x, frame.moon.z - o.z, -(frame.moon.y - o.y))
    const near = camera.position.distanceTo(moonScene) < NEAR_MOON_KM
    g.visible = near && Math.abs(useClock.getState().warp) <= SLED_MAX_WARP
    if (!g.visible) return
    const scenario = useScenario.getState().scenario
    const layout = useBase.getState().layout // the worker's (state/base.ts)
    if (!layout) {
      g.visible = false
      return
    }
    updateGeometry(scenario.massDriver, layout)
    if (geo.line.length < 2) {
      g.visible = false
      return
    }
    const nTrack = Math.min(MAX_TRACK_POINTS, geo.line.length)
    for (let i = 0; i < nTrack; i++) onTrack(i / (nTrack - 1), trackPos, i)
    trackGeo.setDrawRange(0, nTrack)
    ;(trackGeo.getAttribute('position') as THREE.BufferAttribute).needsUpdate = true

    // Bucket: the next shot of the current window, if it is on the track now.
    let n = 0
    const W = deepSpace.windowMs
    const w = windowByIndex(Math.floor(t / W))
    let bucket = false
    if (w && w.shots > 0) {
      const k = ((t - w.startMs) * w.shots) / W
      const jNext = Math.ceil(k - 0.5)
      if (jNext < w.shots) {
        const untilS = (w.startMs + ((jNext + 0.5) * W) / w.shots - t) / 1000
        if (untilS <= geo.tTrack) {
          const ts = geo.tTrack - untilS
          onTrack(sledPositionM(scenario.massDriver, ts) / 1000 / geo.lengthKm, pointPos, 0)
          bucket = true
        }
      }
      // Payloads of the last minute, straight out of the muzzle.
      for (let j = Math.floor(k - 0.5); j >= 0 && n < MAX_FRESH; j--) {
        const ageS = (t - (w.startMs + ((j + 0.5) * W) / w.shots)) / 1000
        if (ageS > FRESH_S) break
        pastMuzzle(geo.speedKms * ageS, (0.5 * MOON_SURFACE_GRAVITY_M_S2 * ageS * ageS) / 1000, pointPos, 1 + n)
        n++
      }
    }
    pointGeo.setDrawRange(bucket ? 0 : 1, bucket ? 1 + n : n)
    // The sled on the rails, nose to the muzzle; the flash of the latest shot.
    pastMuzzle(0, 0, _scratch, 0)
    _muzzle.set(_scratch[0], _scratch[1], _scratch[2])
    const sm = sled.current
    if (sm) {
      sm.visible = bucket
      if (bucket) {
        sm.position.set(pointPos[0], pointPos[1], pointPos[2])
        sm.lookAt(_muzzle)
      }
    }
    const fl = flash.current
    if (fl) {
      let age = Number.POSITIVE_INFINITY
      if (w && w.shots > 0) {
        const j = Math.floor(((t - w.startMs) * w.shots) / W - 0.5)
        if (j >= 0) age = (t - (w.startMs + ((j + 0.5) * W) / w.shots)) / 1000
      }
      const tau = FLASH_S * Math.max(1, Math.abs(useClock.getState().warp) / 10)
      const k = age >= 0 ? Math.exp(-age / tau) : 0
      fl.visible = k > 0.02
      if (fl.visible) {
        fl.position.copy(_muzzle)
        fl.scale.setScalar(FLASH_KM * (0.4 + 0.6 * k))
        flashMat.opacity = k
      }
    }
    ;(pointGeo.getAttribute('position') as THREE.BufferAttribute).needsUpdate = true
  })

  return (
    <group ref={group} name="deep-sled">
      <primitive object={trackLine} />
      <points geometry={pointGeo} frustumCulled={false} renderOrder={6}>
        <pointsMaterial vertexColors size={5} sizeAttenuation={false} depthWrite={false} transparent />
      </points>
      <mesh ref={sled} name="deep-sled-bucket" geometry={sledGeo} material={sledMat} visible={false} />
      <sprite ref={flash} name="deep-muzzle-flash" material={flashMat} visible={false} renderOrder={7} />
    </group>
  )
}
