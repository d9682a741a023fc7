/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config'

// Unit tests: Node only, no browser. The core (src/sim) and the worker's handlers run here.
export default defineConfig({
  test: { environment: 'node', include: ['test/unit/**/*.test.ts'], testTimeout: 30000 },
})
