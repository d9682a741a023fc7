/// <reference types="vitest/config" />
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p).map((f) => `${name}/${f}`) : [relative(dir, p)]
  })
}

/**
 * Offline at the venue: writes precache.json beside the built files, listing everything the
 * service worker (public/sw.js) caches on its first visit: the bundle (scripts, workers, styles,
 * fonts) and public/ (textures, star data, tours), with a version that changes with the build.
 */
function precacheList(): Plugin {
  return {
    name: 'terawatt-precache',
    apply: 'build',
    generateBundle(_, bundle) {
      const built = Object.keys(bundle)
      const extra = filesUnder('public').filter((f) => f !== 'sw.js')
      const files = ['./', ...built, ...extra].sort()
      const version = built
        .filter((f) => f.startsWith('assets/'))
        .sort()
        .join('|')
      let h = 2166136261
      for (let i = 0; i < version.length; i++) h = Math.imul(h ^ version.charCodeAt(i), 16777619)
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: `${JSON.stringify({ version: (h >>> 0).toString(16), files }, null, 1)}\n` })
    },
  }
}

export default defineConfig({
  plugins: [react(), precacheList()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { port: 5173 },
  preview: { port: 4173 },
})
