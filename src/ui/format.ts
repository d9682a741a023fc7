/** Number and time formatting for the HUD. */
import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../sim/constants'

const PREFIXES: [number, string][] = [
  [1e24, 'Y'],
  [1e21, 'Z'],
  [1e18, 'E'],
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
]

/** 4.7e10, 'W' → "47.0 GW". */
export function si(value: number, unit: string, digits = 3): string {
  if (!Number.isFinite(value)) return '–'
  const a = Math.abs(value)
  for (const [f, p] of PREFIXES) if (a >= f) return `${(value / f).toPrecision(digits)} ${p}${unit}`
  return `${value.toPrecision(digits)} ${unit}`
}

/** Thousands separators, no decimals. */
export const count = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–')

/** "2030-06-21" and "12:00:00" in UTC. */
export function utcParts(tMs: number): { date: string; time: string } {
  const iso = new Date(tMs).toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) }
}

const CLOCK_UNITS_S = [1, 60, 3600, SECONDS_PER_DAY]
/**
 * The most times a second the clock's last shown digit may change while time runs: the overlay's
 * text rate (overlayLoop.ts TEXT_INTERVAL_MS), since each tick of it is a text frame.
 */
const CLOCK_CHANGES_PER_S = 4

/**
 * The finest unit (s) the clock readout shows at this warp: seconds while they change at most
 * 4 times a real second, else minutes, hours or the date alone. Digits flickering at 60 Hz are
 * unreadable, and each change costs the page a layout and a repaint. Paused: seconds.
 */
export function clockUnitS(warp: number, playing: boolean): number {
  if (!playing) return 1
  const a = Math.abs(warp)
  for (const u of CLOCK_UNITS_S) if (a / u <= CLOCK_CHANGES_PER_S) return u
  return SECONDS_PER_DAY
}

/** The clock's time line at a unit from clockUnitS: "05:06:07 UTC", "05:06 UTC", "05 h UTC", "UTC". */
export function clockTime(tMs: number, unitS: number): string {
  const t = new Date(tMs).toISOString().slice(11, 19)
  if (unitS <= 1) return `${t} UTC`
  if (unitS <= 60) return `${t.slice(0, 5)} UTC`
  if (unitS <= 3600) return `${t.slice(0, 2)} h UTC`
  return 'UTC'
}

/** Warp as a person reads it: "1×", "1 min/s", "1 h/s", "1 day/s", "11.6 d/s". */
export function formatWarp(w: number): string {
  const a = Math.abs(w)
  const sign = w < 0 ? '−' : ''
  let text: string
  if (a < 60) text = `${a}×`
  else if (a < 3600) text = `${+(a / 60).toPrecision(3)} min/s`
  else if (a < SECONDS_PER_DAY) text = `${+(a / 3600).toPrecision(3)} h/s`
  else if (a < SECONDS_PER_YEAR) text = `${+(a / SECONDS_PER_DAY).toPrecision(3)} d/s`
  else text = `${+(a / SECONDS_PER_YEAR).toPrecision(3)} yr/s`
  return sign + text
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' }

/** Scientific notation for people: 5.15 × 10⁻¹⁴ (3 significant digits). */
export function sci(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '–'
  if (x === 0) return '0'
  const [m, e] = x.toExponential(digits - 1).split('e')
  const exp = Number(e)
  if (exp >= -2 && exp <= 3) return x.toPrecision(digits)
  return `${m} × 10${String(exp).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`
}
