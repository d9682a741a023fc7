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
/** Earth's data centres: 415 TWh in 2024 ÷ 8,784 h ≈ 47 GW on average (IEA, Energy and AI, 2025; SOURCES §5 [E]). */
export const EARTH_DATA_CENTRES_W = 47e9
/** Sunlight the Moon intercepts, πR²·S ≈ 1.29e16 W (SOURCES §7 [D]). */
export const MOON_INTERCEPTED_SUNLIGHT_W = 1.29e16

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

/** The gauge's landmarks, ascending: data for a log-scale gauge of power (W) or of K, each with its source. */
export const KARDASHEV_LANDMARKS: readonly KardashevLandmark[] = [
  mark('data-centres', "Earth's data centres (47 GW)", EARTH_DATA_CENTRES_W, 'SOURCES §5: 415 TWh in 2024 ≈ 47 GW average (IEA, Energy and AI, 2025) [E]'),
  mark('humanity', 'Humanity today (19.6 TW)', HUMANITY_POWER_W, 'SOURCES §5: 620 EJ in 2023 (Energy Institute 2024)'),
  mark('terawatt-year', 'A terawatt a year added (1 TW)', 1e12, 'SOURCES §4: Musk, "1,000 GW or more per year" [A]'),
  mark('moon-sunlight', 'All sunlight reaching the Moon', MOON_INTERCEPTED_SUNLIGHT_W, 'SOURCES §7: πR²·S = π (1,737.4 km)² × 1,361 W/m² [D]'),
  mark('earth-sunlight', 'All sunlight reaching Earth', EARTH_INTERCEPTED_SUNLIGHT_W, 'SOURCES §5 [D]'),
  mark('billionth-sun', 'A billionth of the Sun', SUN_LUMINOSITY_W * 1e-9, 'SOURCES §5: L☉ × 10⁻⁹ → K 1.16 [D]'),
  mark('millionth-sun', 'A millionth of the Sun', SUN_LUMINOSITY_W * 1e-6, 'SOURCES §5: → K 1.46 [D]'),
  mark('thousandth-sun', 'A thousandth of the Sun', SUN_LUMINOSITY_W * 1e-3, 'SOURCES §5: → K 1.76 [D]'),
  mark('percent-sun', '1 % of the Sun', SUN_LUMINOSITY_W * 0.01, 'SOURCES §5: L☉ × 1 % → K 1.86 [D]'),
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

/**
 * Decimals that show K's change between two readings: enough that the two print differently (at
 * least 2, at most 8). Humanity at 19.6 TW plus 1 TW is 0.72923 → 0.73144: 3 decimals; plus 10 GW 0.729234 → 0.729236: 6.
 */
export function kardashevDecimals(kA: number, kB: number): number {
  for (let d = 2; d < 8; d++) if (kA.toFixed(d) !== kB.toFixed(d)) return d
  return 8
}

/** K printed with the digits that change between `k` and a reference reading (e.g. today's). */
export const formatKardashev = (k: number, reference: number): string => k.toFixed(Math.max(3, kardashevDecimals(k, reference)))

/** Position of a power on a log-scale gauge between lowW and highW, 0..1 (clamped). */
export function logGaugePosition(powerW: number, lowW: number = EARTH_DATA_CENTRES_W, highW: number = SUN_LUMINOSITY_W): number {
  if (!(powerW > 0)) return 0
  const x = (Math.log10(powerW) - Math.log10(lowW)) / (Math.log10(highW) - Math.log10(lowW))
  return Math.min(1, Math.max(0, x))
}
