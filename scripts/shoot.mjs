// Dev helper: serve dist/ with vite preview, open each URL path in Debian's Chromium (SwiftShader),
// wait, and save a PNG per path to test-results/shots/. usage: node scripts/shoot.mjs WAIT_MS PATH...
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { launchChromium } from '../bench/serve.mjs'

const [wait = '6000', ...paths] = process.argv.slice(2)
const port = 4391
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true })
const stop = () => {
  try {
    if (server.pid) process.kill(-server.pid)
  } catch {}
}
process.on('exit', stop)
for (let i = 0; i < 60; i++) {
  try {
    await fetch(`http://localhost:${port}/`)
    break
  } catch {
    await new Promise((r) => setTimeout(r, 300))
  }
}
mkdirSync('test-results/shots', { recursive: true })
const browser = await launchChromium()
for (const [i, p] of (paths.length ? paths : ['/']).entries()) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log('console', m.type(), m.text()))
  page.on('pageerror', (e) => console.log('pageerror', e.message))
  await page.goto(`http://localhost:${port}${p}`)
  await page.waitForTimeout(Number(wait))
  const file = `test-results/shots/dev-${i}.png`
  await page.screenshot({ path: file })
  console.log(file, p)
  await page.close()
}
await browser.close()
stop()
process.exit(0)
