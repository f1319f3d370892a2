import { test, expect, type Page, type ConsoleMessage } from '@playwright/test';
import { sentMails } from './support';

const FIXTURE_TITLE = 'Apéro des testeurs de bout en bout';

/** Collects console warnings/errors and uncaught exceptions, so a test can assert there are none. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** Waits until the page's interactive parts (its islands' attachers) run in the browser. */
async function hydrated(page: Page) {
  await expect(page.locator('.menu-toggle')).toHaveAttribute('data-live', 'true');
  const form = page.locator('form.form');
  if (await form.count()) await expect(form).toHaveAttribute('data-live', 'true');
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page arrives server-rendered with events from the database', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les événements qui vous rapprochent');
    const cards = page.getByTestId('upcoming-events').locator('article');
    await expect(cards).toHaveCount(6);
    await expect(cards.first()).toContainText(FIXTURE_TITLE);
    await expect(cards.first()).toContainText('FreeFood');
    await expect(page.getByText('Meet. Connect. Enjoy.').first()).toBeVisible();
  });

  test('the menu opens and the language switch works as a plain form', async ({ page, isMobile }) => {
    await page.goto('/faq');
    if (isMobile) {
      await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
    }
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/faq$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Frequently asked questions');
  });

  test('a server validation error shows next to its field after a plain post', async ({ page }) => {
    await page.goto('/contact');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.locator('#field-full_name-error')).toHaveText('Ce champ est obligatoire.');
    await expect(page.locator('#field-email-error')).toHaveText('Ce champ est obligatoire.');
    await expect(page.getByRole('alert').first()).toContainText('corrigez les champs signalés');
  });
});

test('hydration makes controls interactive without console warnings or errors', async ({ page, isMobile }) => {
  const problems = watchConsole(page);
  await page.goto('/contact');
  await hydrated(page);

  if (isMobile) {
    const toggle = page.getByRole('button', { name: 'Menu' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  } else {
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  }

  // Live validation runs in the browser: no request leaves while typing.
  const calls: string[] = [];
  page.on('request', (request) => { if (request.url().includes('/api/fn/')) calls.push(request.url()); });
  const email = page.getByLabel('E-mail');
  await email.fill('pas-un-email');
  await email.blur();
  await expect(page.locator('#field-email-error')).toHaveText('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill('lea@exemple.fr');
  await expect(page.locator('#field-email-error')).toHaveText('');
  expect(calls).toEqual([]);
  expect(problems).toEqual([]);
});

test('a validation error from the server function appears next to its field', async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await page.goto('/contact');
  await hydrated(page);
  await page.getByLabel('Votre nom').fill('Léa Martin');
  await page.getByLabel('E-mail').fill('lea@exemple.fr');
  // The subject is left empty on purpose and its live rule removed (as on a page older than the server's
  // rules): the server must say so, under the subject field, without the page reloading.
  await page.getByLabel('Message').fill('Bonjour, je voudrais proposer un atelier culinaire.');
  await page.locator('#field-subject').evaluate((field) => field.removeAttribute('data-check'));
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/fn/contact')),
    page.getByRole('button', { name: 'Envoyer' }).click(),
  ]);
  expect(response.status()).toBe(422);
  // Chromium reports every 4xx response in the console, sometimes after a delay; that exact message is the
  // expected answer, anything else is a problem.
  const expected422 = 'error: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)';
  const unexpected = () => problems.filter((p) => p !== expected422);
  await expect(page.locator('#field-subject-error')).toHaveText('Ce champ est obligatoire.');
  await expect(page.getByLabel('Sujet')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-full_name-error')).toHaveText('');
  await expect(page.getByLabel('Votre nom')).toHaveValue('Léa Martin'); // nothing typed is lost

  const subject = `Atelier culinaire ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel('Sujet').fill(subject);
  const [ok] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/fn/contact')),
    page.getByRole('button', { name: 'Envoyer' }).click(),
  ]);
  expect(ok.status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'Merci' })).toBeVisible();
  // The mail to the team left through the outbox worker of the running server.
  await expect.poll(() => sentMails().filter((m) => m.includes(`Subject: [Contact] ${subject}`)).length, { timeout: 15_000 }).toBe(1);
  expect(unexpected()).toEqual([]);
});

test('the language switch changes the language and remembers it', async ({ page, isMobile }) => {
  await page.goto('/');
  await hydrated(page);
  if (isMobile) await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events that bring you closer');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events that bring you closer');
  if (isMobile) await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('the header keeps its layout on every viewport', async ({ page, isMobile }) => {
  await page.goto('/');
  const header = (await page.locator('.site-header').boundingBox())!;
  const brand = (await page.locator('.site-header .brand').boundingBox())!;
  if (isMobile) {
    // Logo on the left, Menu button on the right edge, one row.
    const toggle = (await page.locator('.menu-toggle').boundingBox())!;
    expect(header.height).toBeLessThan(80);
    expect(toggle.x + toggle.width).toBeGreaterThan(390 - 24);
    expect(Math.abs(toggle.y - brand.y)).toBeLessThan(20);
  } else {
    // Brand, navigation and tools on one row.
    const nav = (await page.getByRole('navigation', { name: 'Navigation principale' }).boundingBox())!;
    const signup = (await page.getByRole('link', { name: 'Créer un compte' }).boundingBox())!;
    expect(header.height).toBeLessThan(80);
    expect(nav.x).toBeGreaterThan(brand.x + brand.width);
    expect(signup.x).toBeGreaterThan(nav.x + nav.width);
  }
});

test('an event card leads to its event page', async ({ page }) => {
  await page.goto('/');
  // The fixture is in several home sections (next events, FreeFood picks): take the first.
  await page.getByTestId('upcoming-events').getByRole('link', { name: FIXTURE_TITLE }).click();
  await expect(page).toHaveURL(/\/events\/apero-des-testeurs-e2e$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIXTURE_TITLE);
  await expect(page.getByText('Tartines et jus de fruits')).toBeVisible();
});

test('unknown pages get the branded 404 with the right status', async ({ page }) => {
  const response = await page.goto('/cette-page-n-existe-pas');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByRole('link', { name: 'Retour à l’accueil' })).toBeVisible();
  await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
  await expect(page).toHaveURL(/\/$/);
});
