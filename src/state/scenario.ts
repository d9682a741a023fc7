/**
 * The scenario in force. Every change goes through validation: a bad value gets a message that
 * names the field and its range, and the previous valid scenario stays in force. The valid
 * scenario persists in localStorage and survives reloads; a saved one that no longer validates
 * is set aside (REJECTED_KEY), never silently overwritten.
 */
import { create } from 'zustand'
import { presetScenario, PRESETS } from '../sim/scenario/presets'
import type { Scenario } from '../sim/scenario/schema'
import type { ValidationError } from '../sim/scenario/types'
import { defaultScenario, validateScenario } from '../sim/scenario/validate'

export const STORAGE_KEY = 'terawatt.scenario.v1'

interface ScenarioState {
  scenario: Scenario
  /** Errors of the last rejected change, shown in the panel until the next successful one. */
  errors: ValidationError[]
  /** Apply a (partial) scenario over the current one. Returns true when accepted. */
  apply(input: unknown): boolean
  /** Replace with a preset by id. */
  loadPreset(id: string): boolean
  reset(): void
}

function save(s: Scenario) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(s))
  } catch {
    // Storage full or disabled (private mode): the scenario still applies for this session.
  }
}

/** Where a saved scenario that failed validation on load is kept, with when and why (never overwritten by the app's saves). */
export const REJECTED_KEY = 'terawatt.scenario.rejected'

/** What REJECTED_KEY holds: the text as it was saved, when it was set aside, and every problem found. */
export interface RejectedScenario {
  rejectedAt: string
  problems: string[]
  text: string
}

/** The part of Web Storage the load path uses (localStorage in the app, a fake in tests). */
export type ScenarioStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function browserStorage(): ScenarioStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // access denied (some privacy settings throw on the getter)
  }
}

/** Every problem of a saved text, one sentence each; empty when it is a valid scenario. */
function problemsOf(text: string): { scenario: Scenario | null; problems: string[] } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { scenario: null, problems: [`it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`] }
  }
  const r = validateScenario(json)
  return r.ok ? { scenario: r.scenario, problems: [] } : { scenario: null, problems: r.errors.map((e) => e.message) }
}

/**
 * Reads the saved scenario. One that fails validation is moved aside to REJECTED_KEY (with the
 * time and every problem found), not overwritten, and the defaults are used; `report` gets ONE
 * message listing every problem. If it cannot be set aside (storage full), it stays where it is.
 */
export function loadSavedScenario(report: (msg: string) => void, storage: ScenarioStorage | null = browserStorage(), nowMs: number = Date.now()): Scenario {
  let text: string | null = null
  try {
    text = storage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return defaultScenario()
  }
  if (!text) return defaultScenario()
  const { scenario, problems } = problemsOf(text)
  if (scenario) return scenario
  const rejected: RejectedScenario = { rejectedAt: new Date(nowMs).toISOString(), problems, text }
  let kept = `It is kept in localStorage "${REJECTED_KEY}".`
  try {
    storage?.setItem(REJECTED_KEY, JSON.stringify(rejected))
    storage?.removeItem(STORAGE_KEY)
  } catch {
    kept = `It could not be set aside (storage full), so it stays in "${STORAGE_KEY}" until the scenario is next changed.`
  }
  const list = problems.length === 1 ? problems[0] : problems.map((p, i) => `(${i + 1}) ${p}`).join(' ')
  report(`Saved scenario set aside, using the defaults; ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${list} ${kept}`)
  return defaultScenario()
}

export const useScenario = create<ScenarioState>()((set, get) => ({
  scenario: defaultScenario(),
  errors: [],
  apply: (input) => {
    const r = validateScenario(input, get().scenario)
    if (!r.ok) {
      set({ errors: r.errors })
      return false
    }
    set({ scenario: r.scenario, errors: [] })
    save(r.scenario)
    return true
  },
  loadPreset: (id) => {
    const s = presetScenario(id)
    if (!s) {
      set({ errors: [{ path: 'preset', message: `Unknown preset "${id}"; presets: ${PRESETS.map((p) => p.id).join(', ')}.` }] })
      return false
    }
    set({ scenario: s, errors: [] })
    save(s)
    return true
  },
  reset: () => {
    const s = defaultScenario()
    set({ scenario: s, errors: [] })
    save(s)
  },
}))
