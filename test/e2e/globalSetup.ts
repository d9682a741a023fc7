// Serves the built app with Vite's preview server on a free port for the e2e run, hands its origin
// to the tests (`inject('e2eOrigin')`), and closes it afterwards. The build folder is E2E_DIST
// (default dist/), so a build made elsewhere can be tested without touching dist/.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:PORT of the preview server. */
    e2eOrigin: string
  }
}

let server: PreviewServer | null = null

export async function setup(project: TestProject) {
  const outDir = resolve(process.env.E2E_DIST ?? 'dist')
  if (!existsSync(resolve(outDir, 'index.html')))
    throw new Error(`${outDir}/index.html is missing: run \`npm run build\` first (npm run test:e2e does), or set E2E_DIST to a build folder.`)
  // Port 0: the system picks a free port, so parallel runs and other servers do not collide.
  server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('vite preview started without a TCP address')
  const origin = `http://127.0.0.1:${address.port}`
  const r = await fetch(`${origin}/`)
  if (!r.ok) throw new Error(`vite preview at ${origin} answered ${r.status} for /`)
  project.provide('e2eOrigin', origin)
}

export async function teardown() {
  await server?.close()
  server = null
}
