/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config'

// End-to-end tests: the built app (dist/, or E2E_DIST) served by Vite's preview server on a free
// port, driven in Debian's Chromium through playwright-core. One file at a time: SwiftShader uses
// both cores. Tests wait on conditions, each with its own timeout that names what it awaited
// (test/e2e/browser.ts WAIT_MS); the test timeout is a backstop sized for a loaded machine.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 600000,
    hookTimeout: 120000,
  },
})
