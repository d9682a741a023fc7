/**
 * A compute satellite close up, proportioned by the power model: two solar wings whose total area
 * is the array area (power ÷ (efficiency × 1360.8 W/m²)), a pair of radiator panels whose faces
 * reject the waste heat (σεT⁴ each side), and a bus sized from the mass at ~0.6 m³ per tonne of
 * packed electronics, wrapped in gold foil with a dark compute face and an optical link terminal
 * (Suncatcher's satellites talk by free-space optics). Wings face the Sun on booms, their axis level
 * with the ground below; the radiator fins lie edge-on to it on a spine across the wings, on the
 * shadowed side. Lit by the Sun (the scene's light) and by the Earth below
 * (a blue-white light from the Earth's direction, as bright as the Earth's lit share seen from the
 * satellite: a Lambert sphere's phase, sim/eclipse.ts). In the Earth's shadow the Sun's light on the
 * model fades with the share of the Sun's disc still in view (the conical model, sim/eclipse.ts),
 * reddening as the Sun sets behind the limb, and only the Earth's light (and the status lights) remain.
 * With `cluster`, 81 of them fly in formation within ~1 km, neighbours 100–200 m apart
 * (Project Suncatcher, SOURCES §1), one instanced draw per part. Units: the scene's kilometres.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { frame, toScene } from '../frame/frame'
import { lambertPhase } from '../../sim/eclipse'
import { satelliteSunlit } from './closeUpPose'

export interface SatelliteDims {
  arrayAreaM2: number
  radiatorAreaM2: number
  massT: number
}

/** Wing and radiator sizes in metres: wings 1 : 2.5, each of two radiator panels 1 : 1.5 (two-sided, so a quarter of the area each). */
export function satelliteDimensions(d: SatelliteDims) {
  const wing = d.arrayAreaM2 / 2
  const wingW = Math.sqrt(wing / 2.5),
    wingL = wingW * 2.5
  const panel = d.radiatorAreaM2 / 4
  const radW = Math.sqrt(panel / 1.5),
    radL = radW * 1.5
  const bus = Math.cbrt(Math.max(d.massT, 0.05) * 0.6) // m, ~0.6 m³ per tonne of bus
  return { wingW, wingL, radW, radL, bus }
}

/** Suncatcher-like formation: 81 positions (km) in a 9 × 9 lattice, ~150 m apart, gently rotated. */
export function clusterOffsetsKm(): THREE.Vector3[] {
  const out: THREE.Vector3[] = []
  for (let i = 0; i < 9; i++)
    for (let j = 0; j < 9; j++) {
      const x = (i - 4) * 0.15 + 0.02 * Math.sin(j * 1.7)
      const z = (j - 4) * 0.15 + 0.02 * Math.cos(i * 1.3)
      out.push(new THREE.Vector3(x, 0.03 * Math.sin(i + j), z))
    }
  return out
}

/** Half the cluster's extent, km (the lattice's corner to its centre): what a view must frame. */
export const CLUSTER_RADIUS_KM = Math.hypot(4 * 0.15 + 0.02, 4 * 0.15 + 0.02)

let cellTexture: THREE.CanvasTexture | null = null
let radiatorTexture: THREE.CanvasTexture | null = null
let foilTexture: THREE.CanvasTexture | null = null

/** A canvas texture drawn once (module-level cache; none in a test without a DOM). */
function canvasTexture(w: number, h: number, draw: (g: CanvasRenderingContext2D) => void, srgb = true): THREE.CanvasTexture {
  const c = document.createElement('canvas')
  c.width = w
  c.height = h
  const g = c.getContext('2d')
  if (g) draw(g)
  const t = new THREE.CanvasTexture(c)
  t.wrapS = t.wrapT = THREE.RepeatWrapping
  if (srgb) t.colorSpace = THREE.SRGBColorSpace
  t.anisotropy = 4
  return t
}

function textures() {
  // Solar cells: 8 × 8 dark blue cells per tile, thin silver gaps (one tile ≈ 2 m of wing).
  cellTexture ??= canvasTexture(256, 256, (g) => {
    g.fillStyle = '#c8ccd4'
    g.fillRect(0, 0, 256, 256)
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 8; j++) {
        const v = 20 + ((i * 7 + j * 13) % 5) * 3
        g.fillStyle = `rgb(${v}, ${v + 22}, ${v + 70})`
        g.fillRect(i * 32 + 1.5, j * 32 + 1.5, 29, 29)
      }
  })
  // Radiator: white panels with fluid channels.
  radiatorTexture ??= canvasTexture(128, 128, (g) => {
    g.fillStyle = '#eef1f4'
    g.fillRect(0, 0, 128, 128)
    g.fillStyle = '#b9c0c8'
    for (let i = 0; i < 8; i++) g.fillRect(i * 16 + 7, 0, 2, 128)
    g.fillStyle = '#8f98a3'
    g.fillRect(0, 0, 128, 3)
  })
  // Gold multi-layer insulation: crinkled foil.
  foilTexture ??= canvasTexture(128, 128, (g) => {
    g.fillStyle = '#c99a3a'
    g.fillRect(0, 0, 128, 128)
    for (let k = 0; k < 90; k++) {
      const x = (k * 37) % 128,
        y = (k * 59) % 128
      g.fillStyle = k % 2 ? 'rgba(255, 226, 140, 0.35)' : 'rgba(90, 60, 10, 0.3)'
      g.fillRect(x, y, 10 + (k % 5) * 4, 3 + (k % 3) * 2)
    }
  })
  return { cells: cellTexture, radiator: radiatorTexture, foil: foilTexture }
}

/**
 * The Sun's light on the model, scaled by the share of its disc in view: every part's material
 * multiplies the directional light that comes from the Sun's direction (the scene's Sun light,
 * bodies/Sun.tsx) by uSunlit, leaving the Earth's light alone. One set of uniforms for all parts.
 */
const keyLight = { uSunlit: { value: 1 }, uKeyDir: { value: frame.sunDir } }

function followsEclipse<M extends THREE.Material>(m: M): M {
  m.onBeforeCompile = (shader) => {
    shader.uniforms.uSunlit = keyLight.uSunlit
    shader.uniforms.uKeyDir = keyLight.uKeyDir
    shader.fragmentShader = shader.fragmentShader.replace('#include <common>', '#include <common>\nuniform float uSunlit;\nuniform vec3 uKeyDir;').replace(
      '#include <lights_fragment_begin>',
      THREE.ShaderChunk.lights_fragment_begin.replace(
        'getDirectionalLightInfo( directionalLight, directLight );',
        // The light's direction (view space) against the Sun's: only the Sun's light dims, and it
        // warms as the last of the disc sets behind the Earth's limb (light through the air).
        `getDirectionalLightInfo( directionalLight, directLight );
          if ( dot( directionalLight.direction, normalize( ( viewMatrix * vec4( uKeyDir, 0.0 ) ).xyz ) ) > 0.9999 )
            directLight.color *= uSunlit * mix( vec3( 1.0, 0.62, 0.42 ), vec3( 1.0 ), smoothstep( 0.0, 0.8, uSunlit ) );`,
      ),
    )
  }
  return m
}

interface Part {
  name?: string
  geom: THREE.BufferGeometry
  mat: THREE.Material
  /** Offset of the part in the satellite's frame, km. */
  at: THREE.Vector3
}

const _m = new THREE.Matrix4()
const _x = new THREE.Vector3()
const _z = new THREE.Vector3()
const _wingAxis = new THREE.Vector3(1, 0, 0)
const _basis = new THREE.Matrix4()
const _earth = new THREE.Vector3()
const _sat = new THREE.Vector3()
const _ZERO = { x: 0, y: 0, z: 0 }

export function SatelliteModel({ dims, cluster }: { dims: SatelliteDims; cluster: boolean }) {
  const group = useRef<THREE.Group>(null)
  const earthLight = useRef<THREE.DirectionalLight>(null)
  const hemi = useRef<THREE.HemisphereLight>(null)
  const d = satelliteDimensions(dims)
  const offsets = useMemo(() => (cluster ? clusterOffsetsKm() : [new THREE.Vector3()]), [cluster])
  const parts = useMemo((): Part[] => {
    const km = 1e-3
    const tx = textures()
    const cells = tx.cells.clone()
    cells.repeat.set(Math.max(1, d.wingL / 2), Math.max(1, d.wingW / 2))
    cells.needsUpdate = true
    const rad = tx.radiator.clone()
    rad.repeat.set(Math.max(1, d.radL / 3), 1)
    rad.needsUpdate = true
    const wingMat = followsEclipse(new THREE.MeshStandardMaterial({ map: cells, metalness: 0.25, roughness: 0.32, color: '#ffffff' }))
    const frameMat = followsEclipse(new THREE.MeshStandardMaterial({ color: '#9aa3ad', metalness: 0.7, roughness: 0.35 }))
    const radMat = followsEclipse(new THREE.MeshStandardMaterial({ map: rad, metalness: 0.05, roughness: 0.55 }))
    const foilMat = followsEclipse(new THREE.MeshStandardMaterial({ map: tx.foil, metalness: 0.85, roughness: 0.28, color: '#ffffff' }))
    const faceMat = followsEclipse(
      new THREE.MeshStandardMaterial({ color: '#1b2230', metalness: 0.4, roughness: 0.5, emissive: '#1d6f8a', emissiveIntensity: 0.25 }),
    )
    const lensMat = followsEclipse(
      new THREE.MeshStandardMaterial({ color: '#10161f', metalness: 0.9, roughness: 0.1, emissive: '#3fd0ff', emissiveIntensity: 0.6 }),
    )
    const b = d.bus
    const gap = 0.6 // m between the bus and a wing's inner edge (the boom)
    const wingX = (b / 2 + gap + d.wingL / 2) * km
    const wing = new THREE.BoxGeometry(d.wingL * km, 0.04 * km, d.wingW * km)
    const wingFrame = new THREE.BoxGeometry(d.wingL * km * 1.004, 0.03 * km, d.wingW * km * 1.02)
    const boom = new THREE.CylinderGeometry(0.06 * km, 0.06 * km, (gap + b / 2) * km, 8).rotateZ(Math.PI / 2)
    // Two radiator fins on a spine across the wings (along z, out past the wings' edges), just behind
    // the array on the shadowed side and edge-on to the Sun (each in the y–z plane, which holds the Sun line).
    const radPanel = new THREE.BoxGeometry(0.05 * km, d.radW * km, d.radL * km)
    const radY = -(d.radW / 2 + 0.25) * km
    const radZ = (b / 2 + 0.35 + d.radL / 2) * km
    const spine = new THREE.CylinderGeometry(0.07 * km, 0.07 * km, (b + 0.7 + 2 * d.radL) * km, 8).rotateX(Math.PI / 2)
    const strut = new THREE.CylinderGeometry(0.05 * km, 0.05 * km, 0.3 * km + b * km * 0.5, 6)
    const bus = new THREE.BoxGeometry(b * km, b * km, b * km)
    const face = new THREE.BoxGeometry(b * 0.8 * km, b * 0.8 * km, 0.02 * km)
    const lens = new THREE.CylinderGeometry(b * 0.12 * km, b * 0.14 * km, b * 0.2 * km, 16)
    return [
      { geom: wing, mat: wingMat, at: new THREE.Vector3(-wingX, 0, 0) },
      { geom: wing, mat: wingMat, at: new THREE.Vector3(wingX, 0, 0) },
      { geom: wingFrame, mat: frameMat, at: new THREE.Vector3(-wingX, -0.01 * km, 0) },
      { geom: wingFrame, mat: frameMat, at: new THREE.Vector3(wingX, -0.01 * km, 0) },
      { geom: boom, mat: frameMat, at: new THREE.Vector3(-((gap + b / 2) / 2) * km, 0, 0) },
      { geom: boom, mat: frameMat, at: new THREE.Vector3(((gap + b / 2) / 2) * km, 0, 0) },
      { geom: radPanel, mat: radMat, at: new THREE.Vector3(0, radY, radZ) },
      { geom: radPanel, mat: radMat, at: new THREE.Vector3(0, radY, -radZ) },
      { geom: spine, mat: frameMat, at: new THREE.Vector3(0, -0.25 * km, 0) },
      { geom: strut, mat: frameMat, at: new THREE.Vector3(0, -(b / 2 + 0.15) * km, 0) },
      { name: 'satellite-bus', geom: bus, mat: foilMat, at: new THREE.Vector3(0, 0, 0) },
      { geom: face, mat: faceMat, at: new THREE.Vector3(0, 0, (b / 2 + 0.011) * km) },
      { geom: face, mat: faceMat, at: new THREE.Vector3(0, 0, -(b / 2 + 0.011) * km) },
      { geom: lens, mat: lensMat, at: new THREE.Vector3(0, (b / 2 + b * 0.1) * km, 0) },
    ]
  }, [d.wingL, d.wingW, d.radL, d.radW, d.bus])
  const meshes = useRef<(THREE.InstancedMesh | null)[]>([])

  useLayoutEffect(() => {
    parts.forEach((part, k) => {
      const m = meshes.current[k]
      if (!m) return
      offsets.forEach((o, i) => {
        _m.makeTranslation(o.x + part.at.x, o.y + part.at.y, o.z + part.at.z)
        m.setMatrixAt(i, _m)
      })
      m.instanceMatrix.needsUpdate = true
    })
  }, [offsets, parts])

  useSceneFrame(() => {
    keyLight.uSunlit.value = satelliteSunlit()
    // Wings' normal (local +y) to the Sun; the radiators (in local y–z planes) then contain the Sun line.
    const g = group.current
    if (!g) return
    // The wings' axis (local x) level with the ground below, square to the Sun: the array reads across the frame.
    g.getWorldPosition(_sat)
    const up = toScene(_ZERO, _earth).sub(_sat).multiplyScalar(-1).normalize()
    _x.crossVectors(frame.sunDir, up)
    if (_x.lengthSq() > 1e-4) _wingAxis.copy(_x).normalize()
    else _wingAxis.addScaledVector(frame.sunDir, -_wingAxis.dot(frame.sunDir)).normalize() // Sun overhead: keep the last axis
    _z.crossVectors(_wingAxis, frame.sunDir)
    g.quaternion.setFromRotationMatrix(_basis.makeBasis(_wingAxis, frame.sunDir, _z))
    // Earth light: from the Earth's centre towards the satellite, as bright as the Earth's lit share
    // seen from there (a Lambert sphere's phase: 1 over the subsolar point, 1/π over the terminator,
    // none in the umbra's heart), with a faint floor: the night side's own light.
    const phase = lambertPhase(up.dot(frame.sunDir))
    const l = earthLight.current
    if (l) {
      // The light sits in the satellite's group (local position = direction); its target is not in
      // the scene graph, so its position is a world one: the satellite's.
      l.position.copy(up)
      l.target.position.copy(_sat)
      l.target.updateMatrixWorld()
      l.intensity = 0.12 + 0.55 * phase
      // Earth-shine on everything that does not face the Earth or the Sun (the radiator fins stand
      // edge-on to both): a hemisphere light, the Earth's colour from below, black space above.
      const h = hemi.current
      if (h) {
        h.position.copy(up)
        h.intensity = 0.35 + 0.9 * phase
      }
    }
  })

  const n = offsets.length
  return (
    <group name="satellite-model-root">
      <directionalLight ref={earthLight} color="#b8d4ff" intensity={0.3} />
      {/* Sky colour: black space; ground colour: the day side's blue-white (light comes from its position: below, the Earth). */}
      <hemisphereLight ref={hemi} args={['#05070a', '#9fb8d8', 0.5]} />
      <group ref={group} name="satellite-model">
        {parts.map((p, k) => (
          <instancedMesh
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts list is fixed; its index is the part
            key={k}
            ref={(m) => {
              meshes.current[k] = m
            }}
            name={p.name}
            args={[p.geom, p.mat, n]}
            frustumCulled={false}
          />
        ))}
      </group>
    </group>
  )
}
