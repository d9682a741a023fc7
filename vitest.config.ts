/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config'

// Unit tests: Node only, no browser. The core (src/sim) and the worker's handlers run here.
// The setup file makes a test without an assertion fail.
export default defineConfig({
  test: { environment: 'node', include: ['test/unit/**/*.test.ts'], setupFiles: ['test/unit/assertions.setup.ts'], testTimeout: 30000 },
})
