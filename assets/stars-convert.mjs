#!/usr/bin/env node
// Convert d3-celestial's data/stars.8.json (GeoJSON, XHIP/Hipparcos, J2000) into
// public/data/stars.bin: little-endian Float32 records [raDeg, decDeg, vMag, bMinusV],
// 16 bytes per star, no header, sorted brightest first (ties broken by HIP number).
//
// usage: node assets/stars-convert.mjs <stars.8.json> <out.bin> [magLimit=6.5]
import { readFileSync, writeFileSync } from 'node:fs'

const [, , inPath, outPath, limitArg] = process.argv
if (!inPath || !outPath) {
  console.error('usage: node stars-convert.mjs <stars.8.json> <out.bin> [magLimit=6.5]')
  process.exit(2)
}
const magLimit = limitArg === undefined ? 6.5 : Number(limitArg)
const DEFAULT_BV = 0.6

const geo = JSON.parse(readFileSync(inPath, 'utf8'))
const stars = []
let bvMissing = 0
for (const f of geo.features) {
  const mag = Number(f.properties.mag)
  if (!Number.isFinite(mag) || mag > magLimit) continue
  const [lon, lat] = f.geometry.coordinates
  // d3-celestial stores RA as GeoJSON longitude in [-180, 180]: 0..12h -> 0..180, 12..24h -> -180..0
  const ra = lon < 0 ? lon + 360 : lon
  let bv = parseFloat(f.properties.bv)
  if (!Number.isFinite(bv)) {
    bv = DEFAULT_BV
    bvMissing++
  }
  stars.push({ id: Number(f.id), ra, dec: lat, mag, bv })
}
stars.sort((a, b) => a.mag - b.mag || a.id - b.id)

const buf = Buffer.alloc(stars.length * 16)
stars.forEach((s, i) => {
  buf.writeFloatLE(s.ra, i * 16)
  buf.writeFloatLE(s.dec, i * 16 + 4)
  buf.writeFloatLE(s.mag, i * 16 + 8)
  buf.writeFloatLE(s.bv, i * 16 + 12)
})
writeFileSync(outPath, buf)
console.log(
  `stars.bin: ${stars.length} stars (V <= ${magLimit}), ${buf.length} bytes, ` +
    `B-V missing (set to ${DEFAULT_BV}): ${bvMissing}, brightest V=${stars[0].mag} (HIP ${stars[0].id}), faintest V=${stars[stars.length - 1].mag}`,
)
