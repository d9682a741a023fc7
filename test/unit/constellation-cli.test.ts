/** The constellation's CLI commands: `orbit` and `run` (docs/CLI.md). */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { orbitInfo } from '../../src/cli/commands/orbit'
import { runRows } from '../../src/cli/commands/run'
import { presetScenario } from '../../src/sim/scenario/presets'
import { defaultScenario } from '../../src/sim/scenario/validate'

const ROOT = resolve(__dirname, '../..')
const TSX = resolve(ROOT, 'node_modules/.bin/tsx')
const sim = (...args: string[]) => spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 })

describe('orbit', () => {
  it('650 km SSO: 97.99°, 97.7 min, 7.53 km/s, 0.98565°/day', () => {
    const o = orbitInfo(650, 'sso')
    expect(o.sso).toBe(true)
    expect(o.inclinationDeg).toBeCloseTo(97.99, 1)
    expect(o.periodS / 60).toBeCloseTo(97.7, 1)
    expect(o.speedMs).toBeCloseTo(7531, 0)
    expect(o.nodalDriftDegPerDay).toBeCloseTo(0.98565, 5)
  })
  it('runs from the command line, with degrees or sso, and rejects bad input', () => {
    const r = sim('orbit', '--altitude-km', '550', '--inclination', '30')
    expect(r.status).toBe(0)
    const o = JSON.parse(r.stdout)
    expect(o).toMatchObject({ altitudeKm: 550, inclinationDeg: 30, sso: false })
    expect(o.nodalDriftDegPerDay).toBeLessThan(0)
    const bad = sim('orbit', '--altitude-km', 'high')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--altitude-km must be a number/)
  })
})

describe('run', () => {
  it('one row per year, cumulative, with the documented fields', () => {
    const rows = runRows(defaultScenario(), 2026, 2040)
    expect(rows.map((r) => r.year)).toEqual(Array.from({ length: 15 }, (_, i) => 2026 + i))
    for (const k of ['year', 'launches', 'massToOrbitT', 'satellites', 'orbitalComputeW', 'arrayAreaM2', 'radiatorAreaM2', 'dataCentreRatio'])
      expect(rows[0]).toHaveProperty(k)
    expect(rows[0].launchesInYear).toBe(20)
    expect(rows.find((r) => r.year === 2029)?.satellites).toBe(1_000_000)
    // After the cap, satellites retire (5-year life) and are replaced: launches go on (constellation-life.test.ts).
    expect(rows.at(-1)?.launchesInYear).toBeGreaterThan(0)
    for (let i = 1; i < rows.length; i++) expect(rows[i].launches).toBeGreaterThanOrEqual(rows[i - 1].launches)
    // 'conservative' is the engineering estimate's old id, still accepted.
    const cons = runRows(presetScenario('conservative')!, 2026, 2040)
    expect(cons.at(-1)!.orbitalComputeW).toBeLessThan(rows.at(-1)!.orbitalComputeW)
  })
  it('prints JSON Lines from the command line', () => {
    const r = sim('run', '--until', '2030', '--preset', 'conservative')
    expect(r.status).toBe(0)
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(5)
    expect(lines[4].year).toBe(2030)
    expect(sim('run', '--until', '2030', '--preset', 'nope').status).toBe(2)
  })
})
