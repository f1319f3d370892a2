import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { adminPages, publicPages, signedInPages, signInOrganizerAt, signInStaff } from './pages';

// Quality gates of DESIGN.md §6 that give the same answer on every run: HTML validity (vnu) of every page,
// and the WASM + JS each page makes the browser download (brotli, as served). Lighthouse: lighthouse.spec.ts.

const site = process.env.MEETRAL_SITE_ROOT || join(process.env.CARGO_TARGET_DIR || join(__dirname, '..', '..', 'target'), 'site');

/** vnu's errors for the HTML the server sends for each path, with the page's cookies. */
async function htmlErrors(page: Page, paths: string[]): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'meetral-vnu-'));
  try {
    const files = new Map<string, string>();
    for (const [n, path] of paths.entries()) {
      const response = await page.request.get(path);
      const file = join(folder, `page-${n}.html`);
      writeFileSync(file, await response.text());
      files.set(`file:${file}`, path);
    }
    const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
    const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always', ...[...files.keys()].map((f) => f.slice(5))],
      { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`vnu failed: ${run.stderr || run.error}`);
    // vnu writes its JSON report to standard error.
    const report = JSON.parse(run.stderr) as { messages: { url: string; lastLine?: number; message: string; extract?: string }[] };
    return report.messages.map((m) => `${files.get(m.url) ?? m.url}:${m.lastLine ?? '?'}: ${m.message} — ${(m.extract ?? '').trim().slice(0, 120)}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// The HTML is the same for both viewports (the server does not look at the device): checked once.
test.describe('HTML validity (vnu)', () => {
  test.skip(({ isMobile }) => isMobile, 'the server sends the same HTML to phones');
  test('every public page is valid HTML', async ({ page }) => {
    test.setTimeout(120_000);
    expect(await htmlErrors(page, publicPages)).toEqual([]);
  });
  test('every signed-in page is valid HTML', async ({ page }) => {
    test.setTimeout(120_000);
    const paths = signedInPages();
    await signInOrganizerAt(page, paths[0]);
    expect(await htmlErrors(page, paths)).toEqual([]);
  });
  test('every back-office page is valid HTML', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await signInStaff(page, 'admin', `${testInfo.project.name}-vnu`);
    expect(await htmlErrors(page, adminPages())).toEqual([]);
  });
});

// --- security headers on every answer the browser gets (server/tests/integration/pages.rs checks their values) ---

const REQUIRED_HEADERS = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy',
  'cross-origin-opener-policy', 'permissions-policy'];

async function missingHeaders(page: Page, paths: string[]): Promise<string[]> {
  const missing = [];
  for (const path of paths) {
    const headers = (await page.request.get(path)).headers();
    const absent = REQUIRED_HEADERS.filter((h) => !headers[h]);
    if (!/frame-ancestors 'none'/.test(headers['content-security-policy'] ?? '')) absent.push("CSP frame-ancestors 'none'");
    if (/'unsafe-inline'[^;]*|'unsafe-eval'/.test((headers['content-security-policy'] ?? '').match(/script-src[^;]*/)?.[0] ?? '')) absent.push('script-src without unsafe-*');
    if (absent.length) missing.push(`${path}: ${absent.join(', ')}`);
  }
  return missing;
}

test.describe('security headers', () => {
  test.skip(({ isMobile }) => isMobile, 'the same answers go to phones');
  test('every page, signed out and signed in, carries the security headers', async ({ page }) => {
    test.setTimeout(120_000);
    expect(await missingHeaders(page, [...publicPages, '/sitemap.xml', '/robots.txt', '/events/calendar.ics', '/favicon.svg'])).toEqual([]);
    const paths = signedInPages();
    await signInOrganizerAt(page, paths[0]);
    expect(await missingHeaders(page, paths)).toEqual([]);
  });
});

// --- page weight ---------------------------------------------------------------------------------

/** `brotli` is everything; `appBrotli` leaves out the vendored map and QR libraries (`/pkg/vendor/`). */
type Weight = { path: string; raw: number; gzip: number; brotli: number; appBrotli: number; files: string[] };

/** What one page makes the browser download of JavaScript and WebAssembly, from the built files'
 *  precompressed twins (what the server sends), plus its inline scripts compressed here. */
async function weigh(page: Page, path: string): Promise<Weight> {
  const urls = new Set<string>();
  const listener = (response: { url(): string; request(): { resourceType(): string } }) => {
    const url = new URL(response.url());
    if (/\.(js|mjs|wasm)$/.test(url.pathname) || response.request().resourceType() === 'script') urls.add(url.pathname);
  };
  page.on('response', listener);
  await page.goto(path);
  // Islands hydrate when the browser is idle; the WASM and the map scripts load then.
  await page.waitForLoadState('networkidle');
  page.off('response', listener);
  const weight: Weight = { path, raw: 0, gzip: 0, brotli: 0, appBrotli: 0, files: [] };
  for (const file of [...urls].sort()) {
    const local = join(site, file);
    if (!existsSync(local)) throw new Error(`${file} is not a built file (${local})`);
    weight.raw += statSync(local).size;
    weight.gzip += existsSync(`${local}.gz`) ? statSync(`${local}.gz`).size : gzipSync(readFileSync(local)).length;
    const brotli = existsSync(`${local}.br`) ? statSync(`${local}.br`).size : brotliCompressSync(readFileSync(local)).length;
    weight.brotli += brotli;
    if (!file.startsWith('/pkg/vendor/')) weight.appBrotli += brotli;
    weight.files.push(file);
  }
  const inline = await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((s) => s.textContent ?? '').join('\n'));
  if (inline) {
    weight.raw += Buffer.byteLength(inline);
    weight.gzip += gzipSync(inline).length;
    const brotli = brotliCompressSync(inline).length;
    weight.brotli += brotli;
    weight.appBrotli += brotli;
    weight.files.push('(inline scripts)');
  }
  return weight;
}

function record(weights: Weight[]) {
  // scripts/bench.sh collects these for docs/PERFORMANCE.md.
  if (process.env.BENCH_RESULTS) for (const w of weights) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify({ bench: 'page-weight', ...w })}\n`);
}

test.describe('page weight (WASM + JS, brotli)', () => {
  test.skip(({ isMobile }) => isMobile, 'the same files load on phones');
  // DESIGN.md §6: public pages ≤ 150 KB brotli, no page over the 250 KB hard cap — everything the page
  // downloads counted, the vendored Leaflet of the map pages included (docs/PERFORMANCE.md, table d).
  const TARGET = 150_000;
  const HARD_CAP = 250_000;
  const over = (weights: Weight[], limit: number) =>
    weights.filter((w) => w.brotli > limit).map((w) => `${w.path}: ${w.brotli} B (${w.files.join(', ')})`);
  test('every public page is under the 150 KB target', async ({ page }) => {
    test.setTimeout(120_000);
    const weights = [];
    for (const path of publicPages) weights.push(await weigh(page, path));
    record(weights);
    expect(over(weights, TARGET)).toEqual([]);
  });
  test('every signed-in page is under the hard cap', async ({ page }) => {
    test.setTimeout(120_000);
    const paths = signedInPages();
    await signInOrganizerAt(page, paths[0]);
    const weights = [];
    for (const path of paths) weights.push(await weigh(page, path));
    record(weights);
    expect(over(weights, HARD_CAP)).toEqual([]);
  });
});
