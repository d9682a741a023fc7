/** The base growth model's binding limits (src/sim/base/growth.ts BaseLimit), in words for the panels. */
import type { BaseLimit } from '../../sim/base/growth'

export const LIMIT_LABELS: Record<BaseLimit, string> = {
  landings: 'cargo landings',
  noDriver: 'no mass driver yet',
  shotRate: 'shot rate',
  track: 'track length',
  driverPower: "the driver's power",
  factories: 'factory mass',
  power: 'power',
  sunlitArea: 'sunlit area at the site',
  moonSunlight: 'sunlight on the Moon',
}
