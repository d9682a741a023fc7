/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config'

// End-to-end tests: the built app (dist/) served by `vite preview`, driven in Debian's Chromium
// through playwright-core. One file at a time: SwiftShader uses both cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 90000,
    hookTimeout: 90000,
  },
})
