/**
 * The scenario in force. Every change goes through validation: a bad value gets a message that
 * names the field and its range, and the previous valid scenario stays in force. The valid
 * scenario persists in localStorage and survives reloads.
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

/** Reads the saved scenario; a corrupt or outdated entry is reported and replaced by the default. */
export function loadSavedScenario(report: (msg: string) => void): Scenario {
  let text: string | null = null
  try {
    text = localStorage.getItem(STORAGE_KEY)
  } catch {
    return defaultScenario()
  }
  if (!text) return defaultScenario()
  try {
    const r = validateScenario(JSON.parse(text))
    if (r.ok) return r.scenario
    report(`Saved scenario ignored: ${r.errors[0].message}`)
  } catch {
    report('Saved scenario ignored: it is not valid JSON.')
  }
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
