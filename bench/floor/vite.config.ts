// The floor page's own build (bench/floor/dist, git-ignored by the dist/ rule), with the app's
// node_modules: `npx vite build --config bench/floor/vite.config.ts` from the repo root.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  worker: { format: 'es' },
})
