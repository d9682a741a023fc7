/** LaunchSchedule.reserve: one allocation for a horizon's launches, no copies while extending there. */
import { describe, expect, it } from 'vitest'
import { constellationParams } from '../../src/sim/constellation/launches'
import { LaunchSchedule } from '../../src/sim/constellation/schedule'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { yearStartMs } from '../../src/sim/time'

describe('LaunchSchedule.reserve', () => {
  it('sizes the arrays for every launch to the instant, so extending there never reallocates', () => {
    const p = constellationParams(defaultScenario())
    const untilMs = yearStartMs(2100)
    const reserved = new LaunchSchedule(p)
    reserved.reserve(untilMs)
    const arrays = [reserved.tMsOf, reserved.cumComputeW, reserved.siteOf]
    for (let y = 2027; y <= 2100; y++) reserved.extendTo(yearStartMs(y))
    expect(reserved.count).toBeGreaterThan(100_000)
    expect(reserved.tMsOf).toBe(arrays[0])
    expect(reserved.cumComputeW).toBe(arrays[1])
    expect(reserved.siteOf).toBe(arrays[2])
    // The same launches as a schedule grown by doubling.
    const grown = new LaunchSchedule(p)
    grown.extendTo(untilMs)
    expect(grown.count).toBe(reserved.count)
    expect(Array.from(grown.tMsOf.subarray(0, grown.count))).toEqual(Array.from(reserved.tMsOf.subarray(0, reserved.count)))
    expect(grown.cumComputeW[grown.count - 1]).toBe(reserved.cumComputeW[reserved.count - 1])
  })
})
