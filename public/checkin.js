// Check-in at the door (loaded on /organizer/events/{id}/checkin only). The camera reads QR codes
// with the browser's BarcodeDetector, or with jsQR (loaded on demand) where there is none. Online,
// every scan is judged by the server; offline, by the signed payload and the downloaded list, and
// queued until the network is back. Texts come from the page's data attributes (translated there).
(() => {
  'use strict';
  const root = document.getElementById('checkin');
  if (!root) return;
  const eventId = root.dataset.event;
  const $ = (selector) => root.querySelector(selector);
  const say = (name) => root.dataset['t' + name] || '';
  const verdicts = {};
  root.querySelectorAll('[data-verdict-text]').forEach((el) => { verdicts[el.dataset.verdictText] = el.textContent; });
  const kitKey = `meetral-checkin-kit-${eventId}`;
  const queueKey = `meetral-checkin-queue-${eventId}`;
  const usedKey = `meetral-checkin-used-${eventId}`;
  const read = (key, fallback) => { try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; } };
  const write = (key, value) => { try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* storage full: online only */ } };

  async function call(endpoint, params) {
    const body = new URLSearchParams({ event_id: eventId, ...params });
    const response = await fetch(`/api/fn/${endpoint}`, {
      method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      const error = new Error(`HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  // --- counters and network state ---
  function showCounts(counts) {
    if (!counts) return;
    $('[data-count-checked]').textContent = counts.checked_in;
    $('[data-count-registered]').textContent = counts.registered;
  }
  let online = navigator.onLine;
  let justSynced = false;
  function showNetwork() {
    const queued = read(queueKey, []).length;
    const parts = [online ? say('Online') : say('Offline')];
    if (queued) parts.push(`${queued} ${say('Queued')}`);
    else if (justSynced) parts.push(say('Synced'));
    const line = $('[data-network]');
    line.textContent = parts.join(' · ');
    line.dataset.state = online ? 'online' : 'offline';
    line.dataset.queued = String(queued);
  }

  // --- the verdict screen ---
  const box = $('[data-verdict]');
  let hideTimer;
  function showVerdict(verdict, name, usedAt, offline) {
    box.dataset.result = verdict;
    box.classList.toggle('verdict-ok', verdict === 'admitted');
    box.classList.toggle('verdict-bad', verdict !== 'admitted');
    $('[data-verdict-title]').textContent = verdicts[verdict] || verdict;
    $('[data-verdict-name]').textContent = name || '';
    const detail = [];
    if (usedAt) detail.push(`${say('At')} ${usedAt}`);
    if (offline) detail.push(say('Offline'));
    $('[data-verdict-detail]').textContent = detail.join(' · ');
    box.hidden = false;
    box.focus({ preventScroll: true });
    if (navigator.vibrate) navigator.vibrate(verdict === 'admitted' ? 150 : [120, 80, 120, 80, 320]);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { box.hidden = true; }, 2500);
  }
  box.addEventListener('click', () => { box.hidden = true; });

  // --- offline judging: HMAC-SHA256 over the payload's parts, as the server signs them ---
  const fromBase64Url = (text) => {
    const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  };
  async function signedBy(keyText, parts, tagText) {
    if (!crypto.subtle) return false;
    const key = await crypto.subtle.importKey('raw', fromBase64Url(keyText), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const encoder = new TextEncoder();
    const chunks = parts.flatMap((part) => [...encoder.encode(part), 0]);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new Uint8Array(chunks)));
    const tag = fromBase64Url(tagText);
    return tag.length === 16 && tag.every((byte, i) => byte === mac[i]);
  }
  const clock = (ms) => new Date(ms).toTimeString().slice(0, 5);
  async function judgeOffline(value) {
    const kit = read(kitKey, null);
    if (!kit) return showVerdict('unknown', '', '', true);
    let ticket;
    if (value.startsWith('M1.')) {
      const parts = value.split('.');
      if (parts.length !== 5) return showVerdict('unknown', '', '', true);
      if (parts[2] !== String(kit.event_id)) return showVerdict('other_event', '', '', true);
      let genuine = false;
      try { genuine = await signedBy(kit.key, parts.slice(0, 4), parts[4]); } catch { genuine = false; }
      if (!genuine) return showVerdict('unknown', '', '', true);
      ticket = kit.tickets.find((t) => String(t.id) === parts[1]);
    } else {
      ticket = kit.tickets.find((t) => t.code === value);
    }
    if (!ticket) return showVerdict('unknown', '', '', true);
    const used = read(usedKey, {});
    if (ticket.status === 'cancelled') return showVerdict('cancelled', ticket.name, '', true);
    if (ticket.status === 'used' || used[ticket.id]) {
      return showVerdict('already_used', ticket.name, used[ticket.id] ? clock(used[ticket.id]) : '', true);
    }
    used[ticket.id] = Date.now();
    write(usedKey, used);
    const queue = read(queueKey, []);
    queue.push({ value, at: Date.now() });
    write(queueKey, queue);
    const counter = $('[data-count-checked]');
    counter.textContent = String(Number(counter.textContent) + 1);
    showVerdict('admitted', ticket.name, '', true);
    showNetwork();
  }

  function showFailure(status) {
    if (status === 401) { window.location.href = `/login?next=${encodeURIComponent(window.location.pathname)}`; return; }
    $('[data-camera-error]').textContent = `HTTP ${status}`;
  }

  async function judge(value) {
    try {
      const result = await call('checkin_scan', { value });
      online = true;
      showCounts(result.counts);
      // The offline list learns what this device saw (a later offline scan then says "already used").
      const kit = read(kitKey, null);
      const known = kit && kit.tickets.find((t) => t.id === result.ticket_id);
      if (known && (result.verdict === 'admitted' || result.verdict === 'already_used')) {
        known.status = 'used';
        write(kitKey, kit);
      }
      showVerdict(result.verdict, result.attendee_name, result.used_at, false);
    } catch (error) {
      if (error.status) return showFailure(error.status);
      online = false;
      await judgeOffline(value);
    }
    showNetwork();
  }

  // --- sync, offline kit, counters ---
  let syncing = false;
  async function sync() {
    const queue = read(queueKey, []);
    if (!queue.length || syncing) return;
    syncing = true;
    try {
      const results = await call('checkin_sync', { scans: JSON.stringify(queue) });
      online = true;
      write(queueKey, []);
      write(usedKey, {});
      const list = $('[data-conflicts]');
      results.filter((r) => r.conflict).forEach((r) => {
        const item = document.createElement('li');
        item.className = 'notice notice-warning';
        item.dataset.conflict = r.verdict;
        const when = r.used_at ? ` (${say('At')} ${r.used_at})` : '';
        item.textContent = `${say('Conflict')} : ${r.attendee_name || r.value} — ${verdicts[r.verdict] || r.verdict}${when}`;
        list.append(item);
      });
      justSynced = true;
      $('[data-network]').dataset.synced = 'true';
      await refreshKit();
    } catch (error) {
      if (!error.status) online = false;
    } finally {
      syncing = false;
      showNetwork();
    }
  }
  async function refreshKit() {
    try {
      const kit = await call('checkin_offline', {});
      write(kitKey, kit);
      online = true;
      root.dataset.kit = 'ready';
    } catch (error) {
      if (!error.status) online = false;
    }
    showNetwork();
  }
  async function refreshCounts() {
    try { showCounts(await call('checkin_counts', {})); online = true; } catch (error) { if (!error.status) online = false; }
    showNetwork();
    if (online) sync();
  }
  window.addEventListener('online', () => { online = true; sync(); });
  window.addEventListener('offline', () => { online = false; showNetwork(); });
  setInterval(refreshCounts, 5000);
  setInterval(refreshKit, 60000);

  // --- manual search ---
  const results = $('[data-results]');
  function showTickets(tickets) {
    results.replaceChildren();
    if (!tickets.length) {
      const empty = document.createElement('li');
      empty.className = 'muted';
      empty.textContent = say('None');
      results.append(empty);
      return;
    }
    tickets.forEach((ticket) => {
      const item = document.createElement('li');
      const label = document.createElement('span');
      const status = say('Status' + ticket.status.charAt(0).toUpperCase() + ticket.status.slice(1));
      label.textContent = `${ticket.attendee_name} · ${ticket.email || ''} · ${status}${ticket.used_at ? ` ${ticket.used_at}` : ''}`;
      const admit = document.createElement('button');
      admit.type = 'button';
      admit.className = 'button button-ghost';
      admit.textContent = say('CheckIn');
      admit.addEventListener('click', () => judge(ticket.code));
      item.append(label, ' ', admit);
      results.append(item);
    });
  }
  $('[data-search]').addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = event.target.elements.q.value.trim();
    try {
      showTickets(await call('checkin_search', { q }));
    } catch (error) {
      if (error.status) return showFailure(error.status);
      const kit = read(kitKey, null);
      const needle = q.toLowerCase();
      showTickets((kit?.tickets || []).filter((t) => t.name.toLowerCase().includes(needle) || t.code === q)
        .slice(0, 20).map((t) => ({ code: t.code, attendee_name: t.name, email: '', status: t.status })));
    }
  });

  // --- the camera ---
  const video = $('[data-video]');
  const start = $('[data-start-camera]');
  const stop = $('[data-stop-camera]');
  const canvas = document.createElement('canvas');
  let stream = null;
  let detector = null;
  let last = { value: '', at: 0 };
  function loadJsQR() {
    if (window.jsQR) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = root.dataset.jsqr;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }
  async function read_frame() {
    if (video.readyState < 2) return null;
    if (detector) {
      const codes = await detector.detect(video);
      return codes.length ? codes[0].rawValue : null;
    }
    const scale = Math.min(1, 640 / (video.videoWidth || 640));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    return code ? code.data : null;
  }
  async function tick() {
    if (!stream) return;
    try {
      const value = await read_frame();
      // The same code held in front of the camera is judged again after 3 s ("already used").
      if (value && !(value === last.value && Date.now() - last.at < 3000)) {
        last = { value, at: Date.now() };
        await judge(value);
      }
    } catch { /* a frame that could not be read */ }
    setTimeout(tick, 200);
  }
  start.addEventListener('click', async () => {
    const error = $('[data-camera-error]');
    error.textContent = '';
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { error.textContent = say('NoCamera'); return; }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (failure) {
      error.textContent = failure && failure.name === 'NotAllowedError' ? say('CameraDenied') : say('NoCamera');
      return;
    }
    if ('BarcodeDetector' in window) {
      try {
        const formats = await window.BarcodeDetector.getSupportedFormats();
        if (formats.includes('qr_code')) detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      } catch { detector = null; }
    }
    if (!detector) await loadJsQR();
    root.dataset.decoder = detector ? 'barcode-detector' : 'jsqr';
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    start.hidden = true;
    stop.hidden = false;
    root.dataset.camera = 'on';
    tick();
  });
  stop.addEventListener('click', () => {
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    video.hidden = true;
    start.hidden = false;
    stop.hidden = true;
    root.dataset.camera = 'off';
  });

  refreshKit().then(sync);
  showNetwork();
  root.dataset.live = 'true';
})();
