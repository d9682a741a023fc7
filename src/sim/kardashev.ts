/**
 * The Kardashev gauge. Sagan's interpolation K = (log₁₀ P − 6) / 10, P in watts (SOURCES §5 [C]).
 * Humanity's 19.6 TW (620 EJ in 2023, Energy Institute 2024) → K = 0.729; the Sun's luminosity
 * L☉ = 3.828e26 W (IAU 2015 B3) → K = 2.06 (SOURCES §5).
 */
import { SUN_LUMINOSITY_W } from './constants'

/** Humanity's primary energy use, 620 EJ in 2023 ÷ one year = 19.6 TW (SOURCES §5 [E/D]). */
export const HUMANITY_POWER_W = 19.6e12
/** Sunlight intercepted by Earth, 1.74e17 W (SOURCES §5 [D]). */
export const EARTH_INTERCEPTED_SUNLIGHT_W = 1.74e17

/** Sagan's Kardashev index of a power in watts. */
export const kardashevIndex = (powerW: number): number => (Math.log10(powerW) - 6) / 10

/** The power (W) of a Kardashev index: 10^(10K + 6). */
export const powerOfKardashev = (k: number): number => 10 ** (10 * k + 6)

/** Fraction of the Sun's luminosity (3.828e26 W). */
export const fractionOfSun = (powerW: number): number => powerW / SUN_LUMINOSITY_W

export interface KardashevLandmark {
  id: string
  label: string
  powerW: number
  k: number
  source: string
}

const mark = (id: string, label: string, powerW: number, source: string): KardashevLandmark => ({
  id,
  label,
  powerW,
  k: kardashevIndex(powerW),
  source,
})

/** The gauge's landmarks, ascending. */
export const KARDASHEV_LANDMARKS: readonly KardashevLandmark[] = [
  mark('humanity', 'Humanity today (19.6 TW)', HUMANITY_POWER_W, 'SOURCES §5: 620 EJ in 2023 (Energy Institute 2024)'),
  mark('terawatt-year', 'A terawatt a year added (1 TW)', 1e12, 'SOURCES §4: Musk, "1,000 GW or more per year" [A]'),
  mark('earth-sunlight', 'All sunlight reaching Earth', EARTH_INTERCEPTED_SUNLIGHT_W, 'SOURCES §5 [D]'),
  mark('millionth-sun', 'A millionth of the Sun', SUN_LUMINOSITY_W * 1e-6, 'SOURCES §5: → K 1.46 [D]'),
  mark('thousandth-sun', 'A thousandth of the Sun', SUN_LUMINOSITY_W * 1e-3, 'SOURCES §5: → K 1.76 [D]'),
  mark(
    'few-percent-sun',
    'A few percent of the Sun (3 %)',
    SUN_LUMINOSITY_W * 0.03,
    'SOURCES §4–5: "a few percent of the sun\'s energy" [A], 3 % → K 1.91 [D]',
  ),
  mark('sun', 'The whole Sun (L☉)', SUN_LUMINOSITY_W, 'SOURCES §5: IAU 2015 B3, K 2.06'),
]
  .slice()
  .sort((a, b) => a.powerW - b.powerW)

export interface KardashevReading {
  /** Total power counted, W: humanity's baseline plus what the scenario adds. */
  powerW: number
  k: number
  fractionOfSun: number
}

/** The gauge reading for power added by the scenario (orbit + deep space), on top of humanity's 19.6 TW. */
export function kardashevReading(addedW: number, baselineW: number = HUMANITY_POWER_W): KardashevReading {
  const p = baselineW + Math.max(0, addedW)
  return { powerW: p, k: kardashevIndex(p), fractionOfSun: fractionOfSun(p) }
}
