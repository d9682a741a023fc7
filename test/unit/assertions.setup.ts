// Every unit test must assert something: a test whose expect() calls never ran (an empty loop, a
// forgotten assertion) fails instead of passing on nothing.
import { beforeEach, expect } from 'vitest'

beforeEach(() => {
  expect.hasAssertions()
})
