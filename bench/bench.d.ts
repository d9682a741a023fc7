// Globals that bench/run.mjs installs in the page it measures (its `instrument` init script).
// The app's own hooks (`window.__terawatt*`) are declared in src/testHooks.ts and src/scene/SceneRoot.tsx.
export {}

declare global {
  interface Window {
    __bench: { rafMs: number; frames: number; msgs: number; bytes: number; maxMsg: number; calls: number }
  }
}
