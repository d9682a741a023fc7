/** Short axis and table labels for the story charts: "1 k", "47 GW", "10⁻⁶", "0.730". */
import { sci } from '../format'

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

/** An SI value with at most 3 significant digits and no trailing zeros: 4.7e10, 'W' → "47 GW". */
export function compactSi(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–'
  const a = Math.abs(value)
  for (const [f, p] of PREFIXES) if (a >= f) return `${+(value / f).toPrecision(3)} ${p}${unit}`
  return `${+value.toPrecision(3)}${unit ? ` ${unit}` : ''}`
}

/** A tick label for a chart's unit ('' counts, 'sun' fraction of the Sun, 'K' Kardashev index, else SI). */
export function axisValue(v: number, unit: string): string {
  if (unit === 'K') return v.toFixed(3)
  if (unit === 'sun') return sci(v, 1)
  return compactSi(v, unit)
}
