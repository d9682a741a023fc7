/**
 * The scenario in force. Every change goes through validation: a bad value gets a message that
 * names the field and its range, and the previous valid scenario stays in force. The valid
 * scenario persists in localStorage and survives reloads; a saved one that no longer validates
 * is set aside (REJECTED_KEY, the last MAX_REJECTED, each with its time and problems), never
 * silently overwritten; the scenario panel lists them to restore (what still validates) or discard.
 */
import { create } from 'zustand'
import { salvageScenario } from '../sim/scenario/io'
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
  /** Saved scenarios set aside on load because they failed validation, oldest first (REJECTED_KEY). */
  rejected: RejectedScenario[]
  /**
   * Puts the i-th set-aside scenario in force: the fields that still validate (the others keep
   * the defaults). Removed from the list when restored. Returns what to tell the user.
   */
  restoreRejected(i: number): { ok: boolean; message: string }
  /** Deletes the i-th set-aside scenario for good. */
  discardRejected(i: number): void
}

function save(s: Scenario) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(s))
  } catch {
    // Storage full or disabled (private mode): the scenario still applies for this session.
  }
}

/**
 * Where saved scenarios that failed validation on load are kept, with when and why (never overwritten
 * by the app's saves): a JSON list of RejectedScenario, oldest first, at most MAX_REJECTED.
 */
export const REJECTED_KEY = 'terawatt.scenario.rejected'
/** How many set-aside scenarios are kept; the oldest goes first, and the user is told (Terawatt choice). */
export const MAX_REJECTED = 5

/** One set-aside scenario: the text as it was saved, when it was set aside, and every problem found. */
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

const isRejected = (x: unknown): x is RejectedScenario =>
  typeof x === 'object' &&
  x !== null &&
  typeof Reflect.get(x, 'text') === 'string' &&
  typeof Reflect.get(x, 'rejectedAt') === 'string' &&
  Array.isArray(Reflect.get(x, 'problems'))

/**
 * The set-aside scenarios in storage, oldest first. Reads the older one-entry form too; text there
 * that is not such a list is itself kept as an entry (so writing the list back loses nothing).
 */
export function readRejected(storage: ScenarioStorage | null = browserStorage()): RejectedScenario[] {
  let text: string | null = null
  try {
    text = storage?.getItem(REJECTED_KEY) ?? null
  } catch {
    return []
  }
  if (!text) return []
  try {
    const data: unknown = JSON.parse(text)
    if (isRejected(data)) return [data]
    if (Array.isArray(data) && data.every(isRejected)) return data
  } catch {
    // not JSON: kept below as it is
  }
  return [{ rejectedAt: '', problems: [`"${REJECTED_KEY}" held something other than a list of set-aside scenarios; kept as it was.`], text }]
}

function writeRejected(storage: ScenarioStorage | null, list: readonly RejectedScenario[]): void {
  if (list.length === 0) storage?.removeItem(REJECTED_KEY)
  else storage?.setItem(REJECTED_KEY, JSON.stringify(list))
}

/**
 * Reads the saved scenario. One that fails validation is moved aside to REJECTED_KEY (with the
 * time and every problem found), added to those already there (the last MAX_REJECTED kept; the
 * report names one dropped to make room), and the defaults are used; `report` gets ONE message
 * listing every problem. If it cannot be set aside (storage full), it stays where it is.
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
  const aside = [...readRejected(storage), rejected]
  const gone = aside.length > MAX_REJECTED ? aside.splice(0, aside.length - MAX_REJECTED) : []
  let kept = `It is kept in localStorage "${REJECTED_KEY}"; the scenario panel can restore what still validates, or discard it.`
  try {
    writeRejected(storage, aside)
    storage?.removeItem(STORAGE_KEY)
    if (gone.length)
      kept += ` To keep the last ${MAX_REJECTED}, the oldest set aside (${gone.map((g) => g.rejectedAt || 'unknown time').join(', ')}) was discarded.`
    useScenario.setState({ rejected: aside })
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
  rejected: readRejected(),
  restoreRejected: (i) => {
    const entry = get().rejected[i]
    if (!entry) return { ok: false, message: 'That set-aside scenario is gone.' }
    const { result, dropped } = salvageScenario(entry.text, defaultScenario())
    if (!result.ok) return { ok: false, message: `Nothing to restore: ${result.errors.map((e) => e.message).join(' ')} It stays set aside.` }
    set({ scenario: result.scenario, errors: [] })
    save(result.scenario)
    get().discardRejected(i)
    const rest = dropped.length === 0 ? '' : ` ${dropped.length} field${dropped.length === 1 ? '' : 's'} kept the defaults: ${dropped.join(' ')}`
    return { ok: true, message: `Restored "${result.scenario.name}" set aside ${entry.rejectedAt || 'earlier'}.${rest}` }
  },
  discardRejected: (i) => {
    const list = get().rejected.filter((_, k) => k !== i)
    try {
      writeRejected(browserStorage(), list)
    } catch {
      // Storage unavailable: the list in view still drops it.
    }
    set({ rejected: list })
  },
}))
