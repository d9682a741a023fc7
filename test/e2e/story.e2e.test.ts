/**
 * The story in numbers in real Chromium: the Kardashev needle travels between 2030 and 2060, the
 * charts open on demand and overlay a compared scenario, an edit in the scenario panel changes the
 * charts and the HUD, a refused value is explained at its field in view, and the yearly rows
 * download as CSV with the header and one line per year.
 */
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeOpenPages, frames, launch, openPage, settle, shot, waitFor } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterEach(closeOpenPages)
afterAll(async () => {
  await browser?.close()
})

/** The needle's position on the scale, percent of its width. */
const needle = (page: Page) =>
  page.evaluate(() => Number.parseFloat((document.querySelector('[data-testid=kardashev-needle]') as HTMLElement).style.left || 'NaN'))
const attr = (page: Page, id: string, name: string) => page.getByTestId(id).getAttribute(name)
const text = (page: Page, id: string) => page.getByTestId(id).textContent()

describe('the story in numbers in real Chromium', () => {
  it('gauge, charts, comparison, an edit, a refused value and the CSV export', async () => {
    const { page, errors } = await openPage(browser, '/?t=2030-01-02T00:00:00Z&play=0')
    await settle(page)
    await waitFor(page, 'the yearly rows (K printed)', () => (document.querySelector('[data-testid=kardashev-k]')?.textContent ?? '–') !== '–')

    // The needle travels between 2030 and 2060.
    await frames(page, 3)
    const n2030 = await needle(page)
    const k2030 = await text(page, 'kardashev-k')
    await page.evaluate(() => window.__terawatt.useClock.getState().seek(Date.UTC(2059, 11, 31)))
    await frames(page, 3)
    const n2060 = await needle(page)
    const k2060 = await text(page, 'kardashev-k')
    console.log(`gauge: needle ${n2030}% (K ${k2030}) in 2030 → ${n2060}% (K ${k2060}) at the end of 2059`)
    expect(n2060 - n2030).toBeGreaterThan(5)
    expect(k2060).not.toBe(k2030)
    await shot(page, 'story-gauge-2060')

    // The charts open on demand (C) and draw the scenario in force.
    await page.keyboard.press('c')
    await page.getByTestId('chart-compute').waitFor()
    await waitFor(page, 'the compute chart drawn', () => !!document.querySelector('[data-testid=chart-compute] canvas'))
    expect(await attr(page, 'chart-compute', 'data-series')).toBe('2')
    await shot(page, 'story-charts')

    // A press on a chart moves sim time there.
    const box = await page.locator('[data-testid=chart-satellites] .u-over').boundingBox()
    if (!box) throw new Error('no plot area')
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2)
    const year = await page.evaluate(() => new Date(window.__terawatt.simTime.tMs).getUTCFullYear())
    expect(year).toBeGreaterThan(2030)
    expect(year).toBeLessThan(2050)

    // Comparison: two series of each field.
    const presets = await page.locator('[data-testid=compare-select] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    const other = presets.filter((v) => v && v !== 'pinned' && v !== 'seed')[0]
    await page.getByTestId('compare-select').selectOption(other)
    await waitFor(page, 'the compared rows overlaid', () => document.querySelector('[data-testid=chart-compute]')?.getAttribute('data-series') === '4')
    await waitFor(page, 'the compared key numbers', () => (document.querySelector('[data-testid=key-b-compute]')?.textContent ?? '…') !== '…')
    expect(await text(page, 'key-b-compute')).not.toBe(await text(page, 'key-a-compute'))
    // The comparison is computed a few years per turn between steps: how long a step waited at most behind one turn.
    const t = await page.evaluate(() => window.__terawatt.workerTimings())
    const f = (k: string) => (t?.[k] ? `${t[k].count} × mean ${(t[k].totalMs / t[k].count).toFixed(1)} ms, max ${t[k].maxMs.toFixed(1)} ms` : 'none')
    console.log(`worker timings: step ${f('step')}; scenario ${f('scenario')}; compare turns ${f('compare-slice')}`)
    expect(t?.['compare-slice']?.count ?? 0).toBeGreaterThan(0)
    await shot(page, 'story-compare')

    // An edit changes the charts and the HUD.
    await page.evaluate(() => window.__terawatt.useClock.getState().seek(Date.UTC(2040, 0, 1)))
    await waitFor(page, 'a snapshot for 2040', () => (window.__terawatt.useSim.getState().snapshot?.tMs ?? 0) >= Date.UTC(2040, 0, 1))
    await frames(page, 3)
    const chartBefore = await attr(page, 'chart-satellites', 'data-last')
    const hudBefore = await text(page, 'metric-orbitalComputeW')
    await page.keyboard.press('s')
    // The cap on the count: what the constellation holds from 2030 on (compute per satellite changes only the first generation).
    const input = page.locator('#p-constellation-maxSatellites')
    await input.fill('400000')
    await input.press('Enter')
    await waitFor(
      page,
      'the compute chart redrawn for the edit',
      (b) => document.querySelector('[data-testid=chart-compute]')?.getAttribute('data-last') !== b,
      chartBefore,
    )
    await waitFor(page, 'the HUD updated for the edit', (b) => document.querySelector('[data-testid=metric-orbitalComputeW]')?.textContent !== b, hudBefore)

    // A refused value stays in its field, with the reason under it, in view.
    await input.fill('-3')
    await input.press('Enter')
    const err = page.getByTestId('field-error-constellation.maxSatellites')
    await err.waitFor()
    expect(await err.textContent()).toContain('between 0 and 10000000')
    expect(await input.inputValue()).toBe('-3')
    const panel = await page.getByTestId('scenario-panel').boundingBox()
    const eb = await err.boundingBox()
    if (!panel || !eb) throw new Error('no boxes')
    expect(eb.y).toBeGreaterThanOrEqual(panel.y)
    expect(eb.y + eb.height).toBeLessThanOrEqual(panel.y + panel.height + 1)
    await shot(page, 'story-refused')

    // The CSV download: the header and one line per year of the horizon.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    const path = await download.path()
    const lines = readFileSync(path, 'utf8').trim().split('\n')
    const { startYear, endYear } = await page.evaluate(() => window.__terawatt.useScenario.getState().scenario.horizon)
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['year', 'launches', 'satellites', 'orbitalComputeW', 'thrownComputeW', 'kardashev']))
    // One line per year of the horizon (its last row stands at its end, 1 January of endYear).
    expect(lines.length).toBe(1 + endYear - startYear)
    expect(lines[1].split(',')[0]).toBe(String(startYear))
    // For people to look at: the panels at the base at 1280×720, the charts closed.
    await page.keyboard.press('Escape')
    await page.evaluate(() => window.__terawatt.useUi.getState().setFocus('base'))
    await frames(page, 10)
    await shot(page, 'story-base-panels')
    expect(errors).toEqual([])
    await page.close()
  })
})
