/**
 * Moon Base Alpha in the scene: a group at the site on Connecting Ridge, oriented with the local
 * frame (x east, y up, z south; km), holding the terrain patches, the structures, the lights and
 * the labels. Built the first time the base is focused (the terrain takes ~0.3 s to generate),
 * visible only while it is (or the camera is flying to it).
 */
import { useThree } from '@react-three/fiber'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import * as THREE from 'three'
import { useUi } from '../../state/ui'
import { frame, toScene } from '../frame/frame'
import { flight } from '../frame/focus'
import { BaseCamera } from './BaseCamera'
import { BaseLights } from './BaseLights'
import { baseView } from './baseView'
import { Explore } from './Explore'
import { groundM } from './terrainPatches'
import { explorer, useBase } from '../../state/base'
import { Labels } from './Labels'
import { Landings } from './Landings'
import { HOLE_COS, holeUniforms, patchMoon } from './moonHole'
import { localToSceneQuaternion, site, siteGeocentricKm } from './siteFrame'
import { Rocks } from './Rocks'
import { Structures } from './Structures'
import { cityLight } from './cityLights'
import { City } from './City'
import { Terrain } from './Terrain'

const ZERO = { x: 0, y: 0, z: 0 }
const _earth = new THREE.Vector3()

export function MoonBase() {
  const placed = useRef<THREE.Group>(null)
  const content = useRef<THREE.Group>(null)
  const focus = useUi((s) => s.focus)
  const [built, setBuilt] = useState(focus === 'base')
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const moonPatched = useRef(false)

  useEffect(() => {
    if (focus === 'base') setBuilt(true)
  }, [focus])

  // Handles for end-to-end tests (read-only use outside tests).
  useEffect(() => {
    Object.assign(window, { __terawattBase: { site, baseView, explorer, groundM, useBase, cityLight } })
  }, [])

  useLayoutEffect(() => {
    gl.shadowMap.enabled = true
    gl.shadowMap.type = THREE.PCFShadowMap
  }, [gl])

  useSceneFrame(() => {
    const active = flight.to === 'base'
    baseView.active = active
    if (!moonPatched.current) moonPatched.current = patchMoon(scene)
    holeUniforms.uHoleCos.value = active ? HOLE_COS : 2
    if (content.current) content.current.visible = active
    if (!active || !placed.current) return
    siteGeocentricKm(site.geocentric)
    toScene(site.geocentric, site.position)
    localToSceneQuaternion(site.quaternion)
    site.inverse.copy(site.quaternion).invert()
    placed.current.position.copy(site.position)
    placed.current.quaternion.copy(site.quaternion)
    // Sun direction from the Moon (not the Earth: 0.15° of parallax matters at 1° elevation).
    const s = frame.sun,
      m = frame.moon
    site.sunLocal
      .set(s.x - m.x, s.z - m.z, -(s.y - m.y))
      .normalize()
      .applyQuaternion(site.inverse)
    site.sunAzimuth = Math.atan2(site.sunLocal.x, -site.sunLocal.z)
    toScene(ZERO, _earth).sub(site.position).normalize()
    site.earthLocal.copy(_earth).applyQuaternion(site.inverse)
  }, -60)

  return (
    <group ref={placed} name="moon-base">
      <BaseLights />
      <BaseCamera />
      <group ref={content} visible={false}>
        {built && (
          <>
            <Terrain />
            <Structures />
            <City />
            <Landings />
            <Rocks />
            <Explore />
            <Labels />
          </>
        )}
      </group>
    </group>
  )
}
