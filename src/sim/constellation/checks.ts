/**
 * Cross-field rules of the constellation group. validate.ts lists this check in its CHECKS, so the
 * rules apply wherever a scenario is validated; nothing registers on import.
 */
import type { Scenario } from '../scenario/schema'
import type { ValidationError } from '../scenario/types'
import { MAX_CONSTELLATION_SHELLS } from './params'

const near100 = (x: number) => Math.abs(x - 100) <= 0.01

export function checkConstellation(s: Scenario, errors: ValidationError[]): void {
  const c = s.constellation
  // Every flight must carry at least one satellite, or launches would count forever with nothing deployed.
  // Payload is piecewise linear between its points, so checking the points covers every year.
  const smallest = Math.min(...c.payloadT.map((p) => p[1])) * c.computeShare
  if (smallest < c.satelliteMassT)
    errors.push({
      path: 'constellation.satelliteMassT',
      message: `A satellite (constellation.satelliteMassT = ${c.satelliteMassT} t) must fit in the smallest compute payload of a flight (payload × compute share = ${+smallest.toFixed(2)} t).`,
    })
  c.generations.forEach((g, i) => {
    if (smallest < g.satelliteMassT)
      errors.push({
        path: `constellation.generations[${i}].satelliteMassT`,
        message: `A satellite of generation ${i + 2} (constellation.generations[${i}].satelliteMassT = ${g.satelliteMassT} t) must fit in the smallest compute payload of a flight (payload × compute share = ${+smallest.toFixed(2)} t).`,
      })
  })
  const shellSum = c.shells.reduce((a, x) => a + x.sharePct, 0)
  if (!near100(shellSum))
    errors.push({
      path: 'constellation.shells',
      message: `Shell shares (constellation.shells[].sharePct) must add up to 100 %; they add up to ${+shellSum.toFixed(3)} %.`,
    })
  const siteSum = c.sites.reduce((a, x) => a + x.sharePct, 0)
  if (!near100(siteSum))
    errors.push({
      path: 'constellation.sites',
      message: `Launch-site shares (constellation.sites[].sharePct) must add up to 100 %; they add up to ${+siteSum.toFixed(3)} %.`,
    })
  if (c.shells.length > MAX_CONSTELLATION_SHELLS)
    errors.push({ path: 'constellation.shells', message: `At most ${MAX_CONSTELLATION_SHELLS} orbital shells (constellation.shells); got ${c.shells.length}.` })
}
