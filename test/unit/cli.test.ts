/** The CLI end to end: `tsx src/cli/main.ts ...` in a child process (docs/CLI.md). */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CliError, num, parseArgs, requireIso } from '../../src/cli/args'
import { loadScenarioArg } from '../../src/cli/scenarioArg'
import { COMMANDS, getCommand } from '../../src/cli/commands'
import { defaultScenario } from '../../src/sim/scenario/validate'

const ROOT = resolve(__dirname, '../..')
const TSX = resolve(ROOT, 'node_modules/.bin/tsx')

function sim(...args: string[]) {
  const r = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('parseArgs and helpers', () => {
  it('reads --key value, --key=value, flags, negative numbers and positionals', () => {
    const a = parseArgs(['x', '--at', '2030-01-01', '--lat=-45.5', '--lon', '-120', '--verbose', '--n', '3', 'y'])
    expect(a.positional).toEqual(['x', 'y'])
    expect(a.options).toEqual({ at: '2030-01-01', lat: '-45.5', lon: '-120', verbose: true, n: '3' })
    expect(num(a, 'lat', { min: -90, max: 90 })).toBe(-45.5)
    expect(num(a, 'missing', { default: 7 })).toBe(7)
    expect(requireIso(a, 'at')).toBe(Date.UTC(2030, 0, 1))
  })

  it('throws CliError naming the option and the allowed range', () => {
    const a = parseArgs(['--n', '500', '--at', 'yesterday', '--s', 'abc'])
    expect(() => num(a, 'n', { min: 0, max: 100 })).toThrow(/--n must be a number between 0 and 100; got 500/)
    expect(() => num(a, 's')).toThrow(CliError)
    expect(() => requireIso(a, 'at')).toThrow(/--at must be an ISO-8601/)
    expect(() => requireIso(a, 'when')).toThrow(/--when is required/)
    expect(() => parseArgs(['--a', '1', '--a', '2'])).toThrow(/more than once/)
  })
})

describe('the command list', () => {
  it('holds one command per file in src/cli/commands, sorted by name', () => {
    const files = readdirSync(resolve(ROOT, 'src/cli/commands'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3))
      .sort()
    expect(files.length).toBeGreaterThanOrEqual(5)
    expect(COMMANDS.map((c) => c.name)).toEqual(files)
    for (const name of files) expect(getCommand(name)?.name).toBe(name)
    expect(getCommand('nonsense')).toBeUndefined()
  })
})

describe('loadScenarioArg', () => {
  const dir = mkdtempSync(join(tmpdir(), 'terawatt-cli-'))
  const file = (name: string, text: string) => {
    const p = join(dir, name)
    writeFileSync(p, text)
    return p
  }

  it('gives the default scenario, a preset, or a file merged over the preset', () => {
    expect(loadScenarioArg(parseArgs([]))).toEqual(defaultScenario())
    expect(loadScenarioArg(parseArgs(['--preset', 'conservative'])).name).toBe('Engineering estimate') // 'conservative': the engineering preset's old id, still accepted
    const s = loadScenarioArg(parseArgs(['--preset', 'conservative', '--scenario', file('ok.json', '{"horizon":{"endYear":2099}}')]))
    expect(s.horizon.endYear).toBe(2099)
    expect(s.name).toBe('Engineering estimate')
  })

  it('turns bad presets, files and fields into CliErrors naming the problem', () => {
    expect(() => loadScenarioArg(parseArgs(['--preset', 'nope']))).toThrow(/Unknown preset "nope"; presets: seed/)
    expect(() => loadScenarioArg(parseArgs(['--scenario', join(dir, 'missing.json')]))).toThrow(/no such file/)
    expect(() => loadScenarioArg(parseArgs(['--scenario', file('bad.json', '{"horizon":')]))).toThrow(/\(file\): The text is not valid JSON/)
    const bad = file('range.json', '{"horizon":{"startYear":1800,"endYaer":1}}')
    expect(() => loadScenarioArg(parseArgs(['--scenario', bad]))).toThrow(CliError)
    expect(() => loadScenarioArg(parseArgs(['--scenario', bad]))).toThrow(/2 problems\):[\s\S]*horizon.startYear: .*between 2000 and 2100/)
    expect(() => loadScenarioArg(parseArgs(['--scenario', bad]))).toThrow(/horizon.endYaer: Unknown field/)
  })
})

describe('npm run sim -- bodies', () => {
  it('prints the Sun, Moon and subsolar point as JSON', () => {
    const r = sim('bodies', '--at', '2030-06-21T12:00:00Z')
    expect(r.code, r.stderr).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.at).toBe('2030-06-21T12:00:00Z')
    expect(j.frame).toBe('J2000 equatorial (EQJ), geocentric')
    expect(j.sun.positionKm).toHaveLength(3)
    expect(j.sun.distanceKm / 149597870.7).toBeCloseTo(1.016, 3) // near aphelion (early July)
    expect(Math.hypot(...j.sun.positionKm)).toBeCloseTo(j.sun.distanceKm, 0)
    expect(j.moon.positionKm).toHaveLength(3)
    expect(j.moon.distanceKm).toBeGreaterThan(356000)
    expect(j.moon.distanceKm).toBeLessThan(407000)
    expect(Math.hypot(...j.moon.velocityKmS)).toBeGreaterThan(0.9)
    expect(Math.hypot(...j.moon.velocityKmS)).toBeLessThan(1.1)
    expect(j.subsolar.latDeg).toBeCloseTo(23.43, 1)
    expect(Math.abs(j.subsolar.lonDeg)).toBeLessThan(1) // noon UT, equation of time ≈ −1.6 min
    // Greenwich mean sidereal time, IAU 1982 (Aoki et al.; USNO Circular 179 eq. 2.12), D days
    // from J2000 UT. Apparent − mean (equation of the equinoxes) is under 0.005°, UT1 − UTC < 0.9 s.
    const D = (Date.UTC(2030, 5, 21, 12) - Date.UTC(2000, 0, 1, 12)) / 86400e3,
      T = D / 36525
    const gmstDeg = (((280.46061837 + 360.98564736629 * D + 0.000387933 * T * T - (T * T * T) / 38710000) % 360) + 360) % 360
    expect(j.earthRotationDeg).toBeGreaterThanOrEqual(0)
    expect(j.earthRotationDeg).toBeLessThan(360)
    expect(Math.abs(j.earthRotationDeg - gmstDeg)).toBeLessThan(0.01)
    expect(Object.keys(j).sort()).toEqual(['at', 'earthRotationDeg', 'frame', 'moon', 'subsolar', 'sun'])
  })

  it('defaults --at to now', () => {
    const before = Date.now() - 2000
    const r = sim('bodies')
    expect(r.code, r.stderr).toBe(0)
    const at = Date.parse(JSON.parse(r.stdout).at)
    expect(at).toBeGreaterThanOrEqual(before)
    expect(at).toBeLessThanOrEqual(Date.now() + 2000)
  })

  it('exits 2 with a clear message and the usage for a malformed --at', () => {
    const r = sim('bodies', '--at', '2030-02-31')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: Option --at must be an ISO-8601 UTC instant.*got "2030-02-31"/)
    expect(r.stderr).toMatch(/Usage: .*bodies \[--at ISO\]/)
  })

  it('exits 2 for an unknown option or command, listing what exists', () => {
    const opt = sim('bodies', '--when', '2030-01-01')
    expect(opt.code).toBe(2)
    expect(opt.stderr).toMatch(/Unknown option --when.*known options: --at/)
    const cmd = sim('nonsense')
    expect(cmd.code).toBe(2)
    expect(cmd.stderr).toMatch(/unknown command "nonsense"/)
    expect(cmd.stderr).toMatch(/\bbodies\b/)
  })

  it('npm run --silent sim prints only JSON on stdout, so it pipes into jq (docs/CLI.md)', () => {
    const npm = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'sim', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 })
    const one = npm('bodies', '--at', '2030-01-01')
    expect(one.status, one.stderr).toBe(0)
    expect(JSON.parse(one.stdout).at).toBe('2030-01-01T00:00:00Z')
    const rows = npm('run', '--until', '2028')
    expect(rows.status, rows.stderr).toBe(0)
    const lines = rows.stdout.trimEnd().split('\n')
    expect(lines.map((l) => JSON.parse(l).year)).toEqual([2026, 2027, 2028])
  })

  it('--help lists commands and exits 0', () => {
    const r = sim('--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Commands:[\s\S]*bodies/)
    expect(sim('bodies', '--help').stdout).toMatch(/--at ISO/)
  })
})
