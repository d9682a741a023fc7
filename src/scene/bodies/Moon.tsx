/**
 * The Moon at its true geocentric position (astronomy-engine), in its IAU orientation, lit by the
 * Sun (moonShader.ts), with a marker and a label for Moon Base Alpha at its site near the south
 * pole. The marker grows with the base (baseMarker.ts, from the layout in state/base.ts): before
 * the first cargo landing a dim dashed ring labelled as the site, with the landing's date; after,
 * a solid ring that grows in size and brightness with the structures standing. Its size follows the
 * Moon's disc, bounded in CSS px and scaled by renderScale. Both hide when the site is on the far
 * side; the label (a sprite, so an export shows it) also hides where its box would sit under a
 * panel, off screen or on a deep-space label (the shared label layout, labelLayout.ts).
 */
import { ANISOTROPY, SEGMENTS } from '../frame/quality'
import { useTexture } from '@react-three/drei'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { MOON_RADIUS_KM } from '../../sim/constants'
import { BASE_SITE } from '../../sim/base/site'
import { bodyQuaternion, frame, toScene } from '../frame/frame'
import { pictureHeightCss, renderScale } from '../frame/renderScale'
import { texturePath } from '../frame/textures'
import { useUi } from '../../state/ui'
import { useLayers } from '../../state/layers'
import { useBase } from '../../state/base'
import { stageHold, stageTime } from '../../state/stageTime'
import { overlayObstacles, resolveLabels, withKeptLabels, type PlacedLabel, type Rect } from '../labels/labelLayout'
import { type BaseMarkerState, baseMarkerState, LABEL_GAP_PX, labelBox, ringLook, type BasePhase, type RingLook } from './baseMarker'
import { moonFragment, moonVertex } from './moonShader'

/** The base site in the mesh's local axes (longitude 0 at +x, north at +y, 90° E at −z), km, just above the ground. */
function siteLocal(out: THREE.Vector3): THREE.Vector3 {
  const la = (BASE_SITE.latDeg * Math.PI) / 180,
    lo = (BASE_SITE.lonDeg * Math.PI) / 180
  return out.set(Math.cos(la) * Math.cos(lo), Math.sin(la), -Math.cos(la) * Math.sin(lo)).multiplyScalar(MOON_RADIUS_KM * 1.002)
}

const ringVertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
uniform float uSize;
void main() {
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_PointSize = uSize;
  #include <logdepthbuf_vertex>
}
`
const ringFragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform float uOpacity;
uniform float uSize;
uniform float uDashed;
void main() {
  #include <logdepthbuf_fragment>
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r = length(p);
  // A ring ~2 px wide at any size, and a bright dot at the centre; the site (not yet built): 12
  // dashes and a smaller dot.
  float w = 2.4 / uSize;
  float ring = smoothstep(1.0, 1.0 - w, r) * smoothstep(1.0 - 3.0 * w, 1.0 - 2.0 * w, r);
  float dash = step(0.45, fract(atan(p.y, p.x) * 1.9098593));
  ring *= mix(1.0, dash, uDashed);
  float dot = smoothstep(0.16 - 0.06 * uDashed, 0.05 - 0.02 * uDashed, r);
  float a = max(ring, dot) * uOpacity;
  if (a < 0.02) discard;
  gl_FragColor = vec4(vec3(0.55, 0.9, 1.0) * a, a);
}
`

const LABEL_FONT = '600 34px system-ui, sans-serif'
/** The label's height on screen, CSS px (its texture is 64 px tall). */
const LABEL_CSS = 22

/** The label as a texture as wide as its text; the site's label is dimmer than the base's. */
function labelTexture(text: string, phase: BasePhase): THREE.CanvasTexture {
  const c = document.createElement('canvas')
  c.height = 64
  const g = c.getContext('2d')
  if (g) g.font = LABEL_FONT
  c.width = Math.max(64, Math.ceil((g ? g.measureText(text).width : text.length * 20) + 16))
  if (g) {
    g.font = LABEL_FONT
    g.textBaseline = 'middle'
    g.lineWidth = 6
    g.strokeStyle = 'rgba(0,0,0,0.85)'
    g.strokeText(text, 8, 32)
    g.fillStyle = phase === 'site' ? '#9fbfcc' : '#bfefff'
    g.fillText(text, 8, 32)
  }
  const t = new THREE.CanvasTexture(c)
  t.colorSpace = THREE.SRGBColorSpace
  return t
}

const _site = new THREE.Vector3()
const _world = new THREE.Vector3()
const _centre = new THREE.Vector3()
const _toCam = new THREE.Vector3()
const _normal = new THREE.Vector3()
const _earth = { x: 0, y: 0, z: 0 }
const _look: RingLook = { sizeCss: 0, opacity: 0, dashed: false }
const _state: BaseMarkerState = { phase: 'site', label: '', growth: 0 }
const _placed: PlacedLabel = { x: 0, y: 0, w: 0, h: 0, priority: 0, show: false }
const _labels = [_placed]
const _obstacles: Rect[] = []
const NO_PANELS: Rect[] = []
const _viewport = { x: 0, y: 0, w: 0, h: 0 }

export function Moon() {
  const group = useRef<THREE.Group>(null)
  const surface = useRef<THREE.Mesh>(null)
  const ring = useRef<THREE.Points>(null)
  const label = useRef<THREE.Sprite>(null)
  const [color, bump] = useTexture([texturePath('moon.jpg'), texturePath('moon_bump.jpg')])
  const material = useMemo(() => {
    color.colorSpace = THREE.SRGBColorSpace
    color.anisotropy = ANISOTROPY
    for (const t of [color, bump]) {
      t.wrapS = THREE.RepeatWrapping
      t.needsUpdate = true
    }
    const img = bump.image as { width?: number; height?: number } | undefined
    return new THREE.ShaderMaterial({
      vertexShader: moonVertex,
      fragmentShader: moonFragment,
      uniforms: {
        uColor: { value: color },
        uBump: { value: bump },
        uBumpTexel: { value: new THREE.Vector2(1 / (img?.width ?? 1024), 1 / (img?.height ?? 512)) },
        // Slope gain: the map's 0–1 spans ~ a few km of relief over a 1,737 km radius, exaggerated
        // so craters read near the terminator.
        uRelief: { value: 0.012 },
        uSunDir: { value: frame.sunDir },
        uEarthDir: { value: new THREE.Vector3(1, 0, 0) },
        uLocalToWorld: { value: new THREE.Matrix3() },
      },
    })
  }, [color, bump])
  const marker = useMemo(() => {
    const g = new THREE.BufferGeometry()
    g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(siteLocal(new THREE.Vector3()).toArray()), 3))
    const m = new THREE.ShaderMaterial({
      vertexShader: ringVertex,
      fragmentShader: ringFragment,
      uniforms: { uSize: { value: 16 }, uOpacity: { value: 1 }, uDashed: { value: 0 } },
      transparent: true,
      // Hidden on the far side by the facing test, not by depth (the site sits at the pole, where
      // the sphere's own curvature would cut the ring).
      depthTest: false,
      depthWrite: false,
      blending: THREE.AdditiveBlending,
    })
    const labelMat = new THREE.SpriteMaterial({
      map: labelTexture('Moon Base Alpha site', 'site'),
      transparent: true,
      depthTest: false,
      depthWrite: false,
      sizeAttenuation: false,
    })
    // The text the texture shows, and its aspect (width / height).
    return { g, m, labelMat, text: 'Moon Base Alpha site', aspect: labelMat.map ? (labelMat.map.image as HTMLCanvasElement).width / 64 : 8 }
  }, [])

  useSceneFrame(({ camera, gl }) => {
    const s = surface.current
    if (!group.current || !s) return
    toScene(frame.moon, group.current.position)
    bodyQuaternion(frame.moonFixed, s.quaternion)
    s.updateMatrixWorld()
    const u = material.uniforms
    ;(u.uLocalToWorld.value as THREE.Matrix3).setFromMatrix4(s.matrixWorld)
    toScene(_earth, _world)
    ;(u.uEarthDir.value as THREE.Vector3).copy(_world).sub(group.current.position).normalize()

    // Base marker: on the near side of the limb only; grows with the disc, fades out when the
    // disc is a few px (the body marker takes over) and when the base scene itself is in view.
    const r = ring.current,
      l = label.current
    if (!r || !l) return
    const focus = useUi.getState().focus
    _centre.copy(group.current.position)
    _world.copy(siteLocal(_site)).applyMatrix4(s.matrixWorld)
    _normal.copy(_world).sub(_centre).normalize()
    _toCam.copy(camera.position).sub(_world)
    const dist = _toCam.length()
    const facing = _normal.dot(_toCam.divideScalar(dist))
    const fov = (camera as THREE.PerspectiveCamera).fov ?? 45
    // The whole picture's height in CSS px and device px per CSS px: an export above 1080p or a
    // tiled still sizes the ring as the 1080p frame does, at its resolution (renderScale.ts).
    const heightCss = pictureHeightCss(gl, camera)
    const discPx = ((2 * MOON_RADIUS_KM) / camera.position.distanceTo(_centre) / ((fov * Math.PI) / 180)) * heightCss
    const show = useLayers.getState().visible.labels && focus !== 'base' && facing > 0.02 && discPx > 14
    r.visible = l.visible = show
    if (!show) return
    // What the base is at this instant (the layout the worker sent; the site until it arrives).
    const state = baseMarkerState(useBase.getState().layout, frame.tMs, _state)
    if (state.label !== marker.text) {
      marker.labelMat.map?.dispose()
      marker.labelMat.map = labelTexture(state.label, state.phase)
      marker.labelMat.needsUpdate = true
      marker.text = state.label
      marker.aspect = (marker.labelMat.map.image as HTMLCanvasElement).width / 64
    }
    const look = ringLook(discPx, state, _look)
    const pr = renderScale(gl)
    const mu = marker.m.uniforms
    mu.uSize.value = look.sizeCss * pr
    mu.uDashed.value = look.dashed ? 1 : 0
    mu.uOpacity.value = look.opacity * THREE.MathUtils.clamp((facing - 0.02) / 0.08, 0, 1)
    marker.labelMat.opacity = Math.min(1, mu.uOpacity.value / look.opacity) * (state.phase === 'site' ? 0.8 : 1)
    // Label beside the ring, a fixed size on screen (sizeAttenuation off: scale is in view heights).
    l.position.copy(siteLocal(_site))
    const h = LABEL_CSS / heightCss
    const wCss = LABEL_CSS * marker.aspect
    l.scale.set(h * marker.aspect, h, 1)
    l.center.set(-(look.sizeCss / 2 + LABEL_GAP_PX) / wCss, 0.5)
    // The shared label layout: hidden where its box would sit under a panel, off screen or on a
    // deep-space label. Not while a recording holds the view (a take or a still: the panels and the
    // DOM labels are not in the picture, and the projection is the picture's, not the window's).
    if (stageHold.byRecording || (camera as THREE.PerspectiveCamera).view?.enabled) return
    const canvas = gl.domElement
    _viewport.w = canvas.clientWidth
    _viewport.h = canvas.clientHeight
    _site.copy(_world).project(camera)
    // Picture CSS px to the canvas's client px (equal live; an export's picture may be larger).
    const k = _viewport.h / heightCss
    labelBox(((_site.x + 1) / 2) * _viewport.w, ((1 - _site.y) / 2) * _viewport.h, look.sizeCss * k, wCss * k, LABEL_CSS * k, _placed)
    _placed.show = true
    const panels = useUi.getState().uiHidden ? NO_PANELS : overlayObstacles(stageTime.ms)
    resolveLabels(_labels, withKeptLabels(panels, 'moon-base', _obstacles), _viewport)
    l.visible = _placed.show
  })

  return (
    <group ref={group} name="moon">
      <mesh
        ref={surface}
        name="moon-surface"
        material={material}
        onDoubleClick={(e) => {
          e.stopPropagation()
          useUi.getState().setFocus('moon')
        }}
      >
        <sphereGeometry args={[MOON_RADIUS_KM, ...SEGMENTS.moon]} />
        <points ref={ring} name="moon-base-marker" geometry={marker.g} material={marker.m} frustumCulled={false} renderOrder={6} />
        <sprite ref={label} name="moon-base-label" material={marker.labelMat} renderOrder={7} />
      </mesh>
    </group>
  )
}
