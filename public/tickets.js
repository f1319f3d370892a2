// "Mes billets": registers the service worker that keeps opened tickets for offline use, remembers
// each ticket opened on this device, lists them on /tickets, and wires the ticket's print button.
(() => {
  'use strict';
  const storeKey = 'meetral-tickets';
  const read = () => { try { return JSON.parse(localStorage.getItem(storeKey)) || []; } catch { return []; } };
  // The first visit is not yet served through the worker: keep this page and its assets now, in the
  // caches the worker reads (same names as in sw.js).
  async function keepThisPage() {
    if (!('caches' in window)) return;
    const assets = [...document.querySelectorAll('link[rel=stylesheet], link[rel=modulepreload], link[rel=preload][href], script[src]')]
      .map((el) => el.href || el.src)
      .filter((href) => href && new URL(href).origin === location.origin);
    await (await caches.open('meetral-tickets-v1')).add(location.pathname);
    const cache = await caches.open('meetral-assets-v1');
    await Promise.all(assets.map((href) => cache.match(href).then((hit) => hit || cache.add(href)).catch(() => {})));
  }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/tickets' })
      .then(() => navigator.serviceWorker.ready)
      .then(keepThisPage)
      .then(() => { document.documentElement.dataset.offlineReady = 'true'; })
      .catch(() => {});
  }
  const ticket = document.querySelector('[data-ticket]');
  if (ticket) {
    const saved = read().filter((t) => t.code !== ticket.dataset.ticket);
    saved.unshift({ code: ticket.dataset.ticket, title: ticket.dataset.ticketTitle, when: ticket.dataset.ticketWhen });
    try { localStorage.setItem(storeKey, JSON.stringify(saved.slice(0, 50))); } catch { /* private mode */ }
    const print = document.querySelector('[data-print]');
    if (print) {
      print.hidden = false;
      print.addEventListener('click', () => window.print());
    }
  }
  const list = document.querySelector('[data-device-tickets]');
  if (list) {
    const saved = read();
    if (saved.length) list.replaceChildren();
    saved.forEach((t) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `/tickets/${encodeURIComponent(t.code)}`;
      const title = document.createElement('strong');
      title.textContent = t.title || t.code;
      link.append(title);
      const when = document.createElement('span');
      when.className = 'muted';
      when.textContent = t.when || '';
      item.append(link, document.createElement('br'), when);
      list.append(item);
    });
  }
})();
