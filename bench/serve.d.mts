// Types of bench/serve.mjs for TypeScript callers (the e2e tests, bench/*.ts).
import type { Browser, Page } from 'playwright-core'

export declare const CHROMIUM_ARGS: readonly string[]
export declare function servePreview(dist: string, root?: string): Promise<{ origin: string; close(): Promise<void> }>
export declare function launchChromium(extraArgs?: string[]): Promise<Browser>
export declare function waitForApp(page: Page, timeout?: number): Promise<void>
