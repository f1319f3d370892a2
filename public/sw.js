// Service worker of "Mes billets" (scope /tickets): ticket pages are fetched from the network when
// there is one and kept; without a network the kept copy opens, so the QR code shows in a basement.
// The site's assets are kept as they are fetched (their names carry a content hash).
const PAGES = 'meetral-tickets-v1';
const ASSETS = 'meetral-assets-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

const isAsset = (url) => url.pathname.startsWith('/pkg/') || /^\/(favicon|logo)\.svg$|^\/tickets\.(js|webmanifest)$/.test(url.pathname);
const isTicketPage = (url) => url.pathname === '/tickets' || /^\/tickets\/[A-Za-z0-9_-]{16,64}$/.test(url.pathname);

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && isTicketPage(url)) {
    event.respondWith((async () => {
      const cache = await caches.open(PAGES);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(url.pathname, response.clone());
        return response;
      } catch (offline) {
        const kept = (await cache.match(url.pathname)) || (await cache.match('/tickets'));
        if (kept) return kept;
        throw offline;
      }
    })());
    return;
  }
  if (isAsset(url)) {
    event.respondWith((async () => {
      const cache = await caches.open(ASSETS);
      const kept = await cache.match(request);
      if (kept) return kept;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })());
  }
});
