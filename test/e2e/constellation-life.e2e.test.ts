/**
 * The constellation after the cap in real Chromium (issue 10): in 2040 the satellites drawn are the
 * ones in orbit then (replacements and newer buses, not the 2029 fill), their count agrees with the
 * metrics panel, and going back to 2029 brings the first fill back.
 */
import type { Browser, Page } from 'playwright-core'
import type { Points } from 'three'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { constellationMetricsAt } from '../../src/sim/constellation/metrics'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { closeOpenPages, frames, launch, openPage, sceneShot, settle, waitFor } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterEach(closeOpenPages)
afterAll(async () => {
  await browser?.close()
})

const T2040 = Date.UTC(2040, 6, 1)
const T2029 = Date.UTC(2029, 9, 1)

/** The drawn count, the buffer's size and the deploy instant (UTC ms) of its first satellite. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const o = window.__terawattGl!.scene.getObjectByName('constellation') as Points
    const s = window.__terawatt.satellites
    return { count: o.geometry.drawRange.count, held: s.count, firstDeployMs: s.count > 0 ? s.epochMs + s.elements[3] * 86_400_000 : Number.NaN }
  })

const metricsAgree = (page: Page, what: string) =>
  waitFor(page, `the metrics panel and the drawn constellation to show the same satellite count (${what})`, () => {
    const o = window.__terawattGl!.scene.getObjectByName('constellation') as Points
    const text = document.querySelector('[data-testid=metric-satellites]')?.textContent ?? ''
    return o.geometry.drawRange.count > 0 && Number(text.replace(/,/g, '')) === o.geometry.drawRange.count
  })

describe('the constellation after the cap', () => {
  it('2040 draws the satellites in orbit then (none older than the 5-year life), and 2029 the first fill again', async () => {
    const { page, errors } = await openPage(browser, `/?t=${new Date(T2040).toISOString().replace('.000Z', 'Z')}&play=0`)
    await settle(page)
    await metricsAgree(page, '2040')
    const late = await drawn(page)
    const inOrbit = constellationMetricsAt(defaultScenario(), T2040).satellites
    expect(late.count).toBe(inOrbit)
    // The buffer starts at the first satellite still in orbit: deployed within the last 5 years.
    expect(late.firstDeployMs).toBeGreaterThan(T2040 - 5.01 * 365.25 * 86_400_000)
    await sceneShot(page, 'constellation-2040')
    await page.evaluate((t) => window.__terawatt.useClock.getState().seek(t), T2029)
    await frames(page, 3)
    await metricsAgree(page, '2029')
    const early = await drawn(page)
    expect(early.count).toBe(constellationMetricsAt(defaultScenario(), T2029).satellites)
    expect(early.firstDeployMs).toBeLessThan(Date.UTC(2026, 6, 1))
    expect(errors).toEqual([])
    await page.close()
  })
})
