/**
 * Registers the service worker (public/sw.js) in the production build, so a page loaded once keeps
 * working when the venue's network goes: the app, its workers, textures and star data are served
 * from the cache. Not in development (Vite serves modules one by one and would be cached stale).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  // Automated browsers (the e2e suite, the bench) measure the page, not a background cache fill,
  // unless a test asks for it (localStorage 'terawatt.sw' = '1').
  if (navigator.webdriver && localStorage.getItem('terawatt.sw') !== '1') return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => console.info('service worker not registered:', e))
  })
}
