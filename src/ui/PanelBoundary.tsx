/**
 * An error boundary around each overlay panel: an exception while a panel renders (or in its
 * overlay-loop writer, rethrown into render by useOverlayFrame) becomes one 'error' notice and a
 * small "this panel failed — reopen" placeholder, while the scene and the other panels go on.
 *
 * Panel ids (the boundary names; App.tsx wraps each panel, and throwInPanelForTest takes them):
 *   hud, metrics, kardashev, focus-menu, inspector, base, mass-driver, time-controls,
 *   scenario, help, notices, export
 */
import { Component, type ReactNode } from 'react'
import { create } from 'zustand'
import { useUi } from '../state/ui'

export const PANEL_IDS = [
  'hud',
  'metrics',
  'kardashev',
  'focus-menu',
  'inspector',
  'base',
  'mass-driver',
  'time-controls',
  'scenario',
  'help',
  'notices',
  'shell-legend',
  'story',
  'export',
  'base-caption',
  'deep-key',
  'tour-caption',
] as const
export type PanelId = (typeof PANEL_IDS)[number]

/** Panels armed to throw on their next render (test hook). Cleared when the boundary catches. */
const useArmed = create<{ ids: readonly string[] }>()(() => ({ ids: [] }))

/**
 * Test hook: makes the named panel throw on its next render (it is re-rendered at once). Returns
 * false for an unknown id.
 */
export function throwInPanelForTest(id: string): boolean {
  if (!(PANEL_IDS as readonly string[]).includes(id)) return false
  useArmed.setState((s) => ({ ids: s.ids.includes(id) ? s.ids : [...s.ids, id] }))
  return true
}

/** Rendered first inside each boundary; throws while its panel is armed. */
function TestThrower({ id }: { id: string }) {
  const armed = useArmed((s) => s.ids.includes(id))
  if (armed) throw new Error(`test error thrown in panel "${id}"`)
  return null
}

interface Props {
  id: PanelId
  /** Said in the notice and the placeholder: "The {label} panel failed". */
  label: string
  /** Class that positions the placeholder where the panel was (e.g. 'time-controls'). */
  place?: string
  children: ReactNode
}

export class PanelBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  componentDidCatch(err: unknown) {
    const id = this.props.id
    // Disarm only now: React may render a throwing tree twice before it gives up on it.
    if (useArmed.getState().ids.includes(id)) useArmed.setState((s) => ({ ids: s.ids.filter((x) => x !== id) }))
    const msg = err instanceof Error ? err.message : String(err)
    console.error(`panel "${id}" failed`, err)
    useUi.getState().notify(`The ${this.props.label} panel failed (${msg.slice(0, 120)}); the rest keeps running.`, 'error', 12000)
  }
  private reopen = () => this.setState({ failed: false })
  render() {
    if (!this.state.failed)
      return (
        <>
          <TestThrower id={this.props.id} />
          {this.props.children}
        </>
      )
    return (
      <div className={`panel panel-failed ${this.props.place ?? ''}`} data-testid={`panel-failed-${this.props.id}`} role="status">
        <span>The {this.props.label} panel failed.</span>
        <button onClick={this.reopen} data-testid={`panel-reopen-${this.props.id}`}>
          Reopen
        </button>
      </div>
    )
  }
}
