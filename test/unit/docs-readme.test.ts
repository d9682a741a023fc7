/**
 * The docs say what the code does: the README's deep-link table lists every link parameter, its
 * BENCH_PARTS list is bench/run.mjs's, and every shipped asset has a record in assets/README.md
 * whose source package is credited in the help overlay (src/ui/Help.tsx), d3-celestial's BSD
 * notice included.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LINK_PARAMS } from '../../src/present/deepLink'

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8')
const readme = read('README.md')
const assets = read('assets/README.md')
const help = read('src/ui/Help.tsx')

describe('README', () => {
  it('lists every deep-link parameter in its table', () => {
    const table = readme.slice(readme.indexOf('### Deep links'), readme.indexOf('### Presenting'))
    const missing = LINK_PARAMS.map((p) => p.name).filter((n) => !table.includes(`\`${n}\``) && !table.includes(`\`${n}=`))
    expect(missing).toEqual([])
  })

  it("names bench/run.mjs's parts in BENCH_PARTS", () => {
    const run = read('bench/run.mjs')
    const code = run.match(/process\.env\.BENCH_PARTS \?\? '([^']+)'/)
    const doc = readme.match(/`BENCH_PARTS=([^`]+)`/)
    expect(code).not.toBeNull()
    expect(doc).not.toBeNull()
    expect(doc![1].split(',').sort()).toEqual(code![1].split(',').sort())
  })

  it('says Esc cancels an export, as src/ui/shortcuts.ts does', () => {
    expect(read('src/ui/shortcuts.ts')).toMatch(/'Escape'\) useRecorder\.getState\(\)\.controller\?\.abort\(\)/)
    expect(readme).toMatch(/\| `Esc` \(exporting\)\s+\| cancel the export/)
  })
})

describe('assets and credits', () => {
  const shipped = [
    ...readdirSync(new URL('../../public/textures', import.meta.url)).map((f) => `public/textures/${f}`),
    ...readdirSync(new URL('../../public/data', import.meta.url)).map((f) => `public/data/${f}`),
  ]

  it('records every shipped image and data file in assets/README.md', () => {
    expect(shipped.length).toBeGreaterThan(0)
    expect(shipped.filter((f) => !assets.includes(`### \`${f}\``))).toEqual([])
  })

  it('credits every source package, at its version, in the help overlay', () => {
    const sources = [...assets.matchAll(/\| source package\s+\| (?:npm|Debian) `([^`]+)` \*\*([^*]+)\*\*/g)].map((m) => `${m[1]} ${m[2]}`)
    expect(sources.length).toBe(shipped.length)
    expect(sources.filter((s) => !help.includes(s))).toEqual([])
  })

  it("reproduces d3-celestial's BSD notice and Axel Mellinger's credit", () => {
    expect(help).toContain("'Copyright (c) 2015, Olaf Frohn'")
    expect(help).toContain('2. Redistributions in binary form must reproduce the above copyright notice')
    expect(help).toContain('THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"')
    expect(help).toContain('Axel Mellinger')
    expect(assets).not.toMatch(/app's credits\.?\s*$/m)
  })
})
