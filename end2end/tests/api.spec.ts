import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { promisify } from 'node:util';
import { DEMO_PASSWORD, makeAccount, signIn, sql, uniqueEmail } from './support';

const run = promisify(execFile);

// Personal access tokens, made in the profile on a phone and a desktop, then used on the REST API.
test('a token made in the profile is shown once, opens the API, and stops working once revoked', async ({ page, request }, testInfo) => {
  const email = uniqueEmail('tokens', testInfo.project.name);
  makeAccount(email, 'Théo Jeton');
  await signIn(page, email, DEMO_PASSWORD);
  await page.goto('/account/tokens');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jetons d’API');
  await expect(page.getByText('Aucun jeton pour l’instant.')).toBeVisible();
  // Nothing ticked, no name: each field says why, nothing is made.
  await page.getByLabel('Lecture (mes événements, billets, participants)').uncheck();
  await page.getByRole('button', { name: 'Créer le jeton' }).click();
  await expect(page.locator('#field-name-error')).toHaveText('Ce champ est obligatoire.');
  await expect(page.locator('#field-scopes-error')).toHaveText('Ce champ est obligatoire.');
  await page.getByLabel('Nom (pour le reconnaître)').fill('Application mobile');
  await page.getByLabel('Lecture (mes événements, billets, participants)').check();
  await page.getByLabel('Expire après').selectOption('30');
  await page.getByRole('button', { name: 'Créer le jeton' }).click();
  const secret = (await page.locator('.token-secret').textContent()) ?? '';
  expect(secret).toMatch(/^mtl_[A-Za-z0-9_-]{43}$/);
  const item = page.locator('.token-item', { hasText: 'Application mobile' });
  await expect(item).toContainText(secret.slice(0, 12));
  await expect(item).toContainText('Jamais utilisé');
  await testInfo.attach('tokens', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  const box = await page.locator('.token-secret').boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.x + box.width <= viewport.width + 1, 'the secret fits the screen').toBeTruthy();

  const mine = await request.get('/api/v1/my/tickets', { headers: { Authorization: `Bearer ${secret}` } });
  expect(mine.status()).toBe(200);
  expect(mine.headers()['ratelimit-remaining']).toBeTruthy();
  await page.reload();
  await expect(page.locator('.token-secret')).toHaveCount(0);
  await expect(item).toContainText('Dernière utilisation');

  await item.getByRole('button', { name: 'Révoquer' }).click();
  await expect(page.getByText('Jeton révoqué : il ne fonctionne plus.')).toBeVisible();
  const refused = await request.get('/api/v1/my/tickets', { headers: { Authorization: `Bearer ${secret}`, 'Accept-Language': 'en' } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['content-type']).toBe('application/problem+json');
  expect((await refused.json()).detail).toContain('revoked');
});

test('the API documentation page reads on a phone and a desktop', async ({ page }, testInfo) => {
  await page.goto('/api/v1/docs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meetral API v1');
  await expect(page.locator('.op').first()).toBeVisible();
  await expect(page.locator('#problem-validation')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await testInfo.attach('api-docs', { body: await page.screenshot(), contentType: 'image/png' });
});

// Webhooks: an organizer adds a receiver of their own, a guest registers, the worker delivers a signed
// notice the receiver verifies with the key the page showed once, and the page's log says it arrived.
test('an organizer’s webhook receives a signed notice and the page logs it', async ({ page, request }, testInfo) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => { received.push({ headers: req.headers, body }); res.writeHead(204).end(); });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const email = uniqueEmail('hooks', testInfo.project.name);
    makeAccount(email, 'Hugo Crochet');
    const slug = `webhooks-${testInfo.project.name}-${Date.now()}`;
    sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city, venue_name,
           address_line, postal_code, published_at, capacity)
         SELECT '${slug}', u.id, c.id, 'Soirée webhooks', 'Une soirée pour tester les webhooks.', 'published',
                now() + interval '9 days', now() + interval '9 days 2 hours', 'Nantes', 'La Cantine', '40 rue la Tour d’Auvergne', '44200', now(), 20
         FROM users u, categories c WHERE u.email = '${email}' AND c.slug = 'networking'`);
    const eventId = sql(`SELECT id FROM events WHERE slug = '${slug}'`);
    await signIn(page, email, DEMO_PASSWORD);
    await page.goto('/account/webhooks');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webhooks');
    await page.getByLabel('Adresse (https://…)').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Ajouter l’adresse' }).click();
    await expect(page.locator('#field-url-error')).toHaveText('Ce lien n’est pas une adresse web valide.');
    await page.getByLabel('Adresse (https://…)').fill(`http://127.0.0.1:${port}/meetral`);
    await page.getByRole('button', { name: 'Ajouter l’adresse' }).click();
    const key = (await page.locator('.token-secret').textContent()) ?? '';
    expect(key).toMatch(/^whsec_/);

    const guest = await request.post(`/api/v1/events/${eventId}/registrations`, {
      data: { full_name: 'Zélie Invitée', email: uniqueEmail('guest', testInfo.project.name), consent: true },
    });
    expect(guest.status()).toBe(201);
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const { headers, body } = received[0];
    const signed = `${headers['meetral-webhook-id']}.${headers['meetral-webhook-timestamp']}.${body}`;
    expect(headers['meetral-signature']).toBe(`v1=${createHmac('sha256', key).update(signed).digest('hex')}`);
    const notice = JSON.parse(body);
    expect(notice.type).toBe('registration.created');
    expect(notice.data.full_name).toBe('Zélie Invitée');

    await expect(async () => {
      await page.reload();
      await expect(page.locator('[data-delivery-status="delivered"]')).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.locator('.token-secret')).toHaveCount(0);
    await expect(page.locator('.webhook-item')).toContainText('Reçu (204)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await testInfo.attach('webhooks', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  } finally {
    server.close();
  }
});

test('the API documentation page passes axe', async ({ page }) => {
  await page.goto('/api/v1/docs');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

// Schemathesis (PyPI; scripts/lib.sh installs it) generates requests from the OpenAPI document —
// valid and invalid ones, for every operation — with a token of the demo organizer: zero 5xx and
// zero answers outside the documented schemas. scripts/test.sh runs it alone (@scan).
test.describe('API contract @scan', () => {
  test.skip(({ isMobile }) => isMobile, 'one run is enough');
  test('schemathesis finds no server error and no schema violation', async ({ baseURL }) => {
    test.setTimeout(600_000);
    const st = process.env.SCHEMATHESIS;
    expect(st, 'SCHEMATHESIS names the st executable (scripts/test.sh sets it)').toBeTruthy();
    const secret = `mtl_${randomBytes(32).toString('base64url')}`;
    sql(`INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes)
         SELECT id, 'schemathesis', '${secret.slice(0, 12)}', sha256('${secret}'::bytea), '{read,write,checkin}'
         FROM users WHERE email = 'organisatrice@meetral.test'`);
    try {
      const { stdout } = await run(st!, ['run', `${baseURL}/api/v1/openapi.json`, '--base-url', `${baseURL}/api/v1`,
        '--checks', 'not_a_server_error,response_schema_conformance,content_type_conformance',
        '-H', `Authorization: Bearer ${secret}`, '--hypothesis-max-examples', '25', '--hypothesis-derandomize', '--data-generation-method', 'all',
        '--experimental=openapi-3.1', '--workers', '2', '--request-timeout', '10000', '--no-color'],
        { maxBuffer: 64 * 1024 * 1024, timeout: 540_000, env: { ...process.env, SCHEMATHESIS_TELEMETRY: 'false' } })
        .catch((error: { stdout?: string }) => { throw new Error(`schemathesis failed:\n${error.stdout ?? error}`); });
      const summary = stdout.split('\n').filter((line) => /passed|failed|errored|operations/i.test(line)).slice(-6).join(' | ');
      console.log(`schemathesis: ${summary}`);
      expect(stdout).not.toMatch(/\bFAILED\b|\bERRORS\b/);
    } finally {
      sql(`DELETE FROM api_tokens WHERE name = 'schemathesis'`);
    }
  });
});
