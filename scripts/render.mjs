#!/usr/bin/env node
/**
 * Headless rendering: drives the built app (dist/, built if missing) in headless Chromium (Debian's,
 * launched as test/e2e/browser.ts launches it) and records a video frame by frame with the app's
 * own recorder (src/record/), for making videos on a machine with no one at it.
 *
 *   npm run render -- --out FILE [--tour ID [--chapter N]] [--from ISO [--to ISO]] [--seconds S]
 *                     [--warp W] [--camera current|turntable[:DEG]] [--fps 24|30|60] [--size WxH]
 *                     [--format mp4|webm|av1] [--quality Q] [--look low|high] [--caption [TEXT]]
 *                     [--sats N] [--dist DIR]
 *
 * --quality is the encoder's (bitrate); --look is the render's (the app's URL quality=: MSAA, sphere
 * detail, anisotropy), so a machine without a GPU can record at the full look.
 *
 * Frames are rendered in lock-step, so a slow machine takes longer and never drops a frame. The
 * file's bytes leave the page in chunks as they are encoded (window.__terawattRenderWrite) and are
 * written at their offsets, so a long video is never held in memory. Progress goes to stderr; a bad
 * flag exits 2 naming it; a failed render exits 1 and leaves no file.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const USAGE = `usage: npm run render -- --out FILE [--tour ID [--chapter N]] [--from ISO [--to ISO]] [--seconds S] [--warp W]
                         [--camera current|turntable[:DEG]] [--fps 24|30|60] [--size WxH] [--format mp4|webm|av1]
                         [--quality low|medium|high|very-high] [--look low|high] [--caption [TEXT]] [--sats N] [--dist DIR]
  --quality is the encoder's bitrate level; --look is the render quality (default: low without a GPU)`

const FORMATS = ['mp4', 'webm', 'av1']
/** Each format's container and so the output's extension (src/record/formats.ts). */
const CONTAINER = { mp4: 'mp4', webm: 'webm', av1: 'webm' }
const QUALITIES = ['low', 'medium', 'high', 'very-high']
const LOOKS = ['low', 'high']
const FPS = [24, 30, 60]
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/

class FlagError extends Error {}

/**
 * @typedef {{ out: string | null, tour: string | null, chapter: number | null, from: number | null, to: number | null,
 *   seconds: number | null, warp: number | null, fps: number, size: string, format: import('../src/record/formats').FormatId | null,
 *   quality: import('../src/record/formats').QualityId, look: 'low' | 'high' | null, camera: import('../src/record/take').TakeCamera | null,
 *   caption: string | null, sats: number | null, dist: string }} RenderOptions
 */

/**
 * Parses argv into options; throws FlagError naming the flag at fault.
 * @param {string[]} argv
 * @returns {RenderOptions & { out: string }}
 */
export function parseRenderArgs(argv) {
  /** @type {RenderOptions} */
  const o = {
    out: null,
    tour: null,
    chapter: null,
    from: null,
    to: null,
    seconds: null,
    warp: null,
    fps: 30,
    size: '1920x1080',
    format: null,
    quality: 'high',
    look: null,
    camera: null,
    caption: null,
    sats: null,
    dist: 'dist',
  }
  const need = (flag, i) => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) throw new FlagError(`${flag} needs a value`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    switch (a) {
      case '--out':
        o.out = need(a, i++)
        break
      case '--tour':
        o.tour = need(a, i++)
        if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(o.tour)) throw new FlagError(`--tour "${o.tour}": tour ids are lower-case letters, digits and hyphens`)
        break
      case '--chapter': {
        const v = need(a, i++)
        if (!/^\d{1,2}$/.test(v) || Number(v) < 1) throw new FlagError(`--chapter "${v}" must be a chapter number from 1`)
        o.chapter = Number(v)
        break
      }
      case '--from':
      case '--to': {
        const v = need(a, i++)
        if (!ISO.test(v) || Number.isNaN(Date.parse(v))) throw new FlagError(`${a} "${v}" must be an ISO UTC time like 2030-06-21T12:00:00Z`)
        if (a === '--from') o.from = Date.parse(v)
        else o.to = Date.parse(v)
        break
      }
      case '--seconds': {
        const v = need(a, i++)
        const n = Number(v)
        if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new FlagError(`--seconds "${v}" must be a number of seconds above 0, at most 3600`)
        o.seconds = n
        break
      }
      case '--warp': {
        const v = need(a, i++)
        const n = Number(v)
        if (!Number.isFinite(n) || n === 0 || Math.abs(n) > 1e9) throw new FlagError(`--warp "${v}" must be a non-zero number of sim seconds per video second`)
        o.warp = n
        break
      }
      case '--fps': {
        const v = need(a, i++)
        const n = Number(v)
        if (!FPS.includes(n)) throw new FlagError(`--fps "${v}" must be one of ${FPS.join(', ')}`)
        o.fps = n
        break
      }
      case '--size': {
        const v = need(a, i++)
        const m = /^(\d{2,5})x(\d{2,5})$/.exec(v)
        if (!m || Number(m[1]) % 2 || Number(m[2]) % 2 || Number(m[1]) < 16 || Number(m[2]) < 16 || Number(m[1]) > 7680 || Number(m[2]) > 4320)
          throw new FlagError(`--size "${v}" must be WIDTHxHEIGHT, even, from 16x16 to 7680x4320 (e.g. 1920x1080)`)
        o.size = v
        break
      }
      case '--format': {
        const v = need(a, i++)
        if (v !== 'mp4' && v !== 'webm' && v !== 'av1') throw new FlagError(`--format "${v}" must be one of ${FORMATS.join(', ')}`)
        o.format = v
        break
      }
      case '--quality': {
        const v = need(a, i++)
        if (v !== 'low' && v !== 'medium' && v !== 'high' && v !== 'very-high') throw new FlagError(`--quality "${v}" must be one of ${QUALITIES.join(', ')}`)
        o.quality = v
        break
      }
      case '--look': {
        const v = need(a, i++)
        if (v !== 'low' && v !== 'high')
          throw new FlagError(`--look "${v}" must be one of ${LOOKS.join(', ')} (the render quality; --quality is the encoder's)`)
        o.look = v
        break
      }
      case '--camera': {
        const v = need(a, i++)
        const m = /^(current|turntable)(?::(-?\d+(?:\.\d+)?))?$/.exec(v)
        const deg = m?.[2] === undefined ? 360 : Number(m[2])
        if (!m || (m[1] === 'current' && m[2] !== undefined) || deg === 0 || Math.abs(deg) > 3600)
          throw new FlagError(`--camera "${v}" must be current, turntable or turntable:DEG (DEG non-zero, at most 3600)`)
        o.camera = m[1] === 'current' ? { kind: 'current' } : { kind: 'turntable', degrees: deg }
        break
      }
      case '--caption': {
        const v = argv[i + 1]
        if (v !== undefined && !v.startsWith('--')) {
          o.caption = v
          i++
        } else o.caption = ''
        break
      }
      case '--sats': {
        const v = need(a, i++)
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 1_000_000) throw new FlagError(`--sats "${v}" must be a whole number from 1 to 1000000`)
        o.sats = Number(v)
        break
      }
      case '--dist':
        o.dist = need(a, i++)
        break
      case '--help':
      case '-h':
        throw new FlagError('help')
      default:
        throw new FlagError(`unknown flag ${a}`)
    }
  }
  if (!o.out) throw new FlagError('--out FILE is required')
  if (o.chapter !== null && o.tour === null) throw new FlagError('--chapter needs --tour (e.g. --tour default --chapter 2)')
  if (o.tour !== null && (o.from !== null || o.to !== null))
    throw new FlagError(`${o.from !== null ? '--from' : '--to'} cannot be combined with --tour (a tour sets its own times)`)
  if (o.to !== null && o.from === null) throw new FlagError('--to needs --from')
  if (o.tour !== null && o.warp !== null) throw new FlagError('--warp cannot be combined with --tour (a tour runs its own time)')
  if (o.tour !== null && o.camera !== null) throw new FlagError('--camera cannot be combined with --tour (a tour moves its own camera)')
  if (o.to !== null && o.warp !== null) throw new FlagError('--warp cannot be combined with --to (the range and --seconds set the warp)')
  if (o.to !== null && o.to === o.from) throw new FlagError('--to must differ from --from')
  const out = o.out
  const ext = extname(out).toLowerCase().slice(1)
  if (!o.format) o.format = ext === 'webm' ? 'webm' : 'mp4'
  else if ((ext === 'mp4' || ext === 'webm') && CONTAINER[o.format] !== ext)
    throw new FlagError(`--format ${o.format} writes a .${CONTAINER[o.format]} file, but --out "${out}" ends in .${ext}`)
  return { ...o, out }
}

function log(line) {
  process.stderr.write(`${line}\n`)
}

async function main() {
  let o
  try {
    o = parseRenderArgs(process.argv.slice(2))
  } catch (e) {
    if (!(e instanceof FlagError)) throw e
    if (e.message === 'help') {
      log(USAGE)
      process.exit(0)
    }
    log(`render: ${e.message}\n${USAGE}`)
    process.exit(2)
  }
  // Loaded only once the flags are good: a bad flag answers at once.
  const { launchChromium, servePreview, waitForApp } = await import('../bench/serve.mjs')
  const dist = resolve(o.dist)
  if (!existsSync(resolve(dist, 'index.html'))) {
    log(`render: ${dist}/index.html missing; building the app (vite build)…`)
    const b = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], { stdio: ['ignore', 'inherit', 'inherit'] })
    if (b.status !== 0) {
      log('render: the build failed')
      process.exit(1)
    }
  }
  const server = await servePreview(dist)
  const origin = server.origin
  const browser = await launchChromium()
  const out = resolve(o.out)
  const partial = `${out}.partial`
  let fd = -1
  let ok = false
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    page.on('pageerror', (e) => log(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') log(`page console.error: ${m.text()}`)
    })
    fd = openSync(partial, 'w')
    await page.exposeFunction('__terawattRenderWrite', (position, b64) => {
      const buf = Buffer.from(b64, 'base64')
      writeSync(fd, buf, 0, buf.length, position)
    })
    let lastLine = 0
    await page.exposeFunction('__terawattRenderProgress', (p) => {
      const now = Date.now()
      if (p.phase === 'rendering' && now - lastLine < 1000 && p.done !== p.total) return
      lastLine = now
      const eta = Number.isFinite(p.etaS) ? `${Math.round(p.etaS)} s left` : ''
      log(`render: ${p.phase} frame ${p.done}/${p.total}  ${p.fps.toFixed(2)} frames/s  ${eta}  ${(p.bytes / 1e6).toFixed(1)} MB`)
    })
    const q = new URLSearchParams({ ui: '0', play: '0' })
    if (o.from !== null) q.set('t', new Date(o.from).toISOString().replace('.000Z', 'Z'))
    if (o.sats !== null) q.set('sats', String(o.sats))
    if (o.look !== null) q.set('quality', o.look)
    await page.goto(`${origin}/?${q.toString()}`, { timeout: 120000 })
    await waitForApp(page)
    const [w, h] = o.size.split('x').map(Number)
    const seconds = o.seconds ?? 10
    /** @type {import('../src/record/recorder').ExportPlan} */
    const plan = {
      width: w,
      height: h,
      fps: o.fps,
      format: o.format ?? 'mp4',
      quality: o.quality,
      frames: o.tour !== null && o.seconds === null ? 0 : Math.round(seconds * o.fps),
      time: o.tour !== null ? 'follow' : 'range',
      fromMs: o.from ?? Number.NaN,
      warp: o.to !== null && o.from !== null ? (o.to - o.from) / 1000 / seconds : (o.warp ?? 1),
      caption: o.caption,
      camera: o.camera ?? { kind: 'current' },
      tour: o.tour !== null ? { id: o.tour, chapter: o.chapter === null ? null : o.chapter - 1 } : null,
    }
    log(`render: ${o.tour !== null ? `tour ${o.tour}${o.chapter ? ` chapter ${o.chapter}` : ''}` : 'range'} → ${out} (${o.size}, ${o.fps} fps, ${o.format})`)
    const result = await page.evaluate(async (plan) => {
      const rec = window.__terawattRecord
      if (!rec) return { error: 'the page has no recorder (window.__terawattRecord)', frames: 0, bytes: 0, wallS: 0 }
      if (Number.isNaN(plan.fromMs)) plan.fromMs = window.__terawatt.simTime.tMs
      try {
        const r = await rec.runExport(plan, { onProgress: (p) => window.__terawattRenderProgress?.(p) })
        return { error: null, frames: r.frames, bytes: r.bytes, wallS: r.wallS }
      } catch (e) {
        return { error: `${e instanceof Error ? e.name : 'Error'}: ${e instanceof Error ? e.message : String(e)}`, frames: 0, bytes: 0, wallS: 0 }
      }
    }, plan)
    if (result.error !== null) throw new Error(result.error)
    closeSync(fd)
    fd = -1
    renameSync(partial, out)
    ok = true
    log(
      `render: wrote ${out}: ${result.frames} frames, ${(result.bytes / 1e6).toFixed(2)} MB in ${result.wallS.toFixed(1)} s (${(result.frames / result.wallS).toFixed(2)} frames/s)`,
    )
  } catch (e) {
    log(`render: failed: ${e instanceof Error ? e.message : String(e)}`)
  } finally {
    if (fd >= 0) closeSync(fd)
    if (!ok) rmSync(partial, { force: true })
    await browser.close()
    await server.close()
  }
  process.exit(ok ? 0 : 1)
}

// Run as a script (not imported by the unit test): compared as file URLs of real paths, so a checkout
// path with spaces (URL-encoded) or reached through a symlink (ESM resolves it) still runs.
function invokedUrl() {
  try {
    return process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : ''
  } catch {
    return '' // no such file (node -e, a REPL): imported, not run
  }
}
const invoked = invokedUrl()
if (import.meta.url === invoked) await main()
