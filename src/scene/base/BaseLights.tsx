/**
 * Sunlight at the base with shadows, earthshine and a scattered-light fill. While the base is in
 * view its sunlight stands in for the Sun's unshadowed light (Sun.tsx), which is set to zero, so
 * nothing is lit twice; elsewhere it is off and its shadow map is not drawn. The lights stay in the scene
 * at all times (intensity 0 when unused), so toggling never recompiles a shader.
 *
 * The shadow camera is an orthographic box around where the camera looks (the base in the
 * overview, the ground ahead in explore mode), sized with the view distance: metre-scale
 * shadows of towers and habitats close up, the ridge's shadows from afar. The permanently
 * shadowed floor of Shackleton is dark because the Sun never rises above its rim (and grazes a
 * flat floor at ≤ 1.6°).
 *
 * Light in the shadows, each from where it really comes from, far brighter than true (as a
 * night-adapted eye or a long exposure would see it: at the true ratios to sunlight, ~1e-4 for
 * full earthshine and ~1e-3 for scattered light, every shadow would be black on screen). Here
 * they are ~0.1 and ~0.3 of the Sun's intensity; the Sun grazes the ground at 1–2°, so sunlit
 * ground still renders several times brighter than shadowed ground (~50–70 vs ~30 of 255 in the
 * overview), and permanently shadowed floors lose most of the fill (regolithMaterial):
 *   - earthshine: a directional light from Earth's true direction (site.earthLocal), scaled by the
 *     Earth's phase seen from the Moon (Lambert sphere: Φ(α) = (sin α + (π − α) cos α)/π, with α
 *     ≈ 180° − the Sun–Earth angle at the site) and by how much of Earth's disc (0.95° radius)
 *     is above the horizon: near full Earth at new Moon, none at full Moon or with Earth set
 *     (libration takes it below the pole's horizon for days at a time; in 2040 Earth stands
 *     highest there when it is nearly new, so earthshine is often faint). Not shadowed.
 *   - scattered sunlight: shadowed ground at the pole is lit mostly by sunlit slopes that face
 *     the Sun, so from the anti-solar side and from above the horizon (the far walls of craters,
 *     the ridge's flanks). Two parts: a hemisphere light aimed there, 20° up (soft: faces turned
 *     toward the anti-solar side get the warm regolith glow, faces toward the Sun little), and a
 *     directional "bounce" from the same side, 15° up (no shadows), which gives shadowed slopes,
 *     small craters and rocks a readable shading.
 */
import { useThree } from '@react-three/fiber'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { QUALITY } from '../frame/quality'
import { baseView } from './baseView'
import { site } from './siteFrame'
import { cityLight, nightFactor, sunFactor } from './cityLights'

const SUN_INTENSITY = 2.6 // as Sun.tsx
/** Earthshine at full Earth. */
const EARTHSHINE_FULL = 0.3
/** Scattered-light fill: toward the bounce (anti-solar side, up), and away from it. */
const FILL_INTENSITY = 0.3
const FILL_TOWARD = new THREE.Color('#c2b29c')
const FILL_AWAY = new THREE.Color('#1a1c21')
const FILL_ELEVATION = (20 * Math.PI) / 180
const BOUNCE_INTENSITY = 0.6
const BOUNCE_ELEVATION = (15 * Math.PI) / 180
const EARTH_RADIUS_DEG = 0.95
const DEG = Math.PI / 180

/** Lambert-sphere phase function, α the phase angle (rad): 1 full, 0 new. */
const lambertPhase = (a: number) => (Math.sin(a) + (Math.PI - a) * Math.cos(a)) / Math.PI
const smooth = (u: number) => (u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - 2 * u))

/** Earthshine intensity for the Earth and Sun directions at the site (local unit vectors). */
export function earthshineIntensity(earthLocal: THREE.Vector3, sunLocal: THREE.Vector3): number {
  const phaseAngle = Math.PI - earthLocal.angleTo(sunLocal)
  const elDeg = Math.asin(Math.max(-1, Math.min(1, earthLocal.y))) / DEG
  const disc = smooth((elDeg + EARTH_RADIUS_DEG) / (2 * EARTH_RADIUS_DEG))
  return EARTHSHINE_FULL * lambertPhase(phaseAngle) * disc
}
const SHADOW_MAP = QUALITY === 'high' ? 4096 : 1024
const LIGHT_DISTANCE_KM = 60
const _d = new THREE.Vector3()

export function BaseLights() {
  const sun = useRef<THREE.DirectionalLight>(null)
  const earth = useRef<THREE.DirectionalLight>(null)
  const fill = useRef<THREE.HemisphereLight>(null)
  const bounce = useRef<THREE.DirectionalLight>(null)
  const scene = useThree((s) => s.scene)
  const others = useRef<{ light: THREE.DirectionalLight; intensity: number }[] | null>(null)
  const targets = useMemo(() => [new THREE.Object3D(), new THREE.Object3D()], [])

  useSceneFrame(() => {
    const l = sun.current,
      e = earth.current,
      f = fill.current,
      b = bounce.current
    if (!l || !e || !f || !b) return
    if (!others.current) {
      const list: { light: THREE.DirectionalLight; intensity: number }[] = []
      scene.traverse((o) => {
        if ((o as THREE.DirectionalLight).isDirectionalLight && o !== l && o !== e && o !== b)
          list.push({ light: o as THREE.DirectionalLight, intensity: (o as THREE.DirectionalLight).intensity })
      })
      others.current = list
    }
    const on = baseView.active
    for (const o of others.current) o.light.intensity = on ? 0 : o.intensity
    // The Sun's disc sets and rises over ~0.5° of elevation (hours at the pole): its light fades
    // with it, and the scattered light (from slopes still lit far away) halves; the city's own
    // lights come up (cityLights.ts).
    const elDeg = Math.asin(Math.max(-1, Math.min(1, site.sunLocal.y))) / DEG
    const up = sunFactor(elDeg)
    cityLight.sunElevationDeg = elDeg
    cityLight.night.value = nightFactor(elDeg)
    l.intensity = on ? SUN_INTENSITY * up : 0
    e.intensity = on ? earthshineIntensity(site.earthLocal, site.sunLocal) : 0
    f.intensity = on ? FILL_INTENSITY * (0.5 + 0.5 * up) : 0
    b.intensity = on ? BOUNCE_INTENSITY * (0.5 + 0.5 * up) : 0
    l.shadow.autoUpdate = on
    if (!on) return
    // Aim at the shadow centre (local km) from along the Sun direction.
    const c = baseView.shadowCentre,
      half = baseView.shadowHalfKm
    targets[0].position.copy(c)
    l.position.copy(c).addScaledVector(site.sunLocal, LIGHT_DISTANCE_KM)
    const cam = l.shadow.camera
    if (cam.right !== half) {
      cam.left = -half
      cam.right = half
      cam.top = half
      cam.bottom = -half
      cam.near = LIGHT_DISTANCE_KM - 30
      cam.far = LIGHT_DISTANCE_KM + 30
      cam.updateProjectionMatrix()
      // Grazing light: offset along the normal by ~1.5 shadow texels.
      l.shadow.normalBias = ((2 * half) / SHADOW_MAP) * 1.5
    }
    targets[1].position.set(0, 0, 0)
    e.position.copy(site.earthLocal)
    // The hemisphere light's direction is its world position: inside this group (at site.position,
    // turned by site.quaternion) place it so that it lands on the local direction, from the origin.
    const h = Math.hypot(site.sunLocal.x, site.sunLocal.z) || 1
    const ax = -site.sunLocal.x / h,
      az = -site.sunLocal.z / h
    _d.set(ax * Math.cos(FILL_ELEVATION), Math.sin(FILL_ELEVATION), az * Math.cos(FILL_ELEVATION))
    f.position.copy(site.position).applyQuaternion(site.inverse).negate().add(_d)
    b.position.set(ax * Math.cos(BOUNCE_ELEVATION), Math.sin(BOUNCE_ELEVATION), az * Math.cos(BOUNCE_ELEVATION))
  })

  return (
    <>
      <primitive object={targets[0]} />
      <primitive object={targets[1]} />
      <directionalLight
        ref={sun}
        name="base-sun"
        intensity={0}
        color="#fff6ea"
        castShadow
        target={targets[0]}
        shadow-mapSize={[SHADOW_MAP, SHADOW_MAP]}
        shadow-bias={-0.0004}
      />
      <directionalLight ref={earth} name="base-earthshine" intensity={0} color="#b8c8ff" target={targets[1]} />
      <directionalLight ref={bounce} name="base-bounce" intensity={0} color={FILL_TOWARD} target={targets[1]} />
      <hemisphereLight ref={fill} name="base-fill" intensity={0} color={FILL_TOWARD} groundColor={FILL_AWAY} />
    </>
  )
}
