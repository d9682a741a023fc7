/*
 * Terawatt's service worker: a page loaded once keeps working when the network goes (a venue's
 * Wi-Fi). On install it caches every file the build lists in precache.json (scripts, workers,
 * styles, fonts, textures, star data, tours); then it answers from the cache first and fills it
 * with anything else fetched from this origin. A new build has a new version: its files are cached
 * afresh and the old cache is dropped. Hand-written, no dependencies.
 */
const PREFIX = 'terawatt-'
const META = 'terawatt-meta'
/** Servers send `Vary: Origin` (Vite's preview does): the cached copy is the same file whatever the request's Origin. */
const MATCH = { ignoreVary: true }

/** The name of the cache the latest installed build filled. */
async function currentCacheName() {
  const hit = await (await caches.open(META)).match('version')
  return hit ? PREFIX + (await hit.text()) : null
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const list = await (await fetch('precache.json', { cache: 'no-store' })).json()
      const cache = await caches.open(PREFIX + list.version)
      await cache.addAll(list.files.map((f) => new Request(f, { cache: 'reload' })))
      await (await caches.open(META)).put('version', new Response(list.version))
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Keep the cache the build just installed filled; the others belong to older builds.
      const keep = await currentCacheName()
      const old = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== META && k !== keep)
      await Promise.all(old.map((k) => caches.delete(k)))
      await self.clients.claim()
    })(),
  )
})

self.addEventListener('fetch', (event) => {
  const req = event.request
  const url = new URL(req.url)
  if (req.method !== 'GET' || url.origin !== self.location.origin) return
  event.respondWith(
    (async () => {
      // Pages: the network first (a new build shows at once), the cached app when offline.
      if (req.mode === 'navigate') {
        try {
          return await fetch(req)
        } catch {
          return (await caches.match('./', MATCH)) ?? Response.error()
        }
      }
      const hit = await caches.match(req, MATCH)
      if (hit) return hit
      const res = await fetch(req)
      if (res.ok && res.type === 'basic') {
        const name = await currentCacheName()
        if (name) await (await caches.open(name)).put(req, res.clone())
      }
      return res
    })(),
  )
})
