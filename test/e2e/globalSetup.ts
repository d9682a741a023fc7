// Serves dist/ with `vite preview` for the e2e run and stops it afterwards (no stray processes).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'

export const E2E_PORT = 4317
let server: ChildProcess | null = null

export async function setup() {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).')
  server = spawn('npx', ['vite', 'preview', '--port', String(E2E_PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true })
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${E2E_PORT}/`)
      if (r.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`vite preview did not start on port ${E2E_PORT}`)
}

export async function teardown() {
  if (server?.pid) {
    try {
      process.kill(-server.pid)
    } catch {
      // already gone
    }
  }
}
