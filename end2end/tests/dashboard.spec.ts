// The personal side in the browser: the dashboard's upcoming ticket, an organizer's statistics against
// what the test itself did, the public organizer profile with its avatar, the data export (read back
// from the ZIP), account deletion, the global search in the header, and the text pages.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, live, makeAccount, png, signIn, signInStaff, sql, uniqueEmail } from './support';

const FIXTURE_TITLE = 'Apéro des testeurs de bout en bout';

/** A published event of `organizer` in two days, with `capacity` seats; answers its id and slug. */
function makeEvent(prefix: string, organizer: string, capacity = 10): { id: string; slug: string; title: string } {
  const slug = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e4)}`;
  const title = `Atelier tableau ${slug.slice(-9)}`;
  const id = sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city,
                    venue_name, address_line, postal_code, published_at, capacity)
                  SELECT '${slug}', u.id, c.id, '${title}', 'Un événement des tests du tableau de bord.', 'published',
                         now() + interval '2 days', now() + interval '2 days 3 hours', 'Nantes', 'Le Lieu Unique',
                         '2 quai Ferdinand Favre', '44000', now(), ${capacity}
                  FROM users u, categories c WHERE u.email = '${organizer}' AND c.slug = 'networking' RETURNING id`);
  return { id, slug, title };
}

async function register(page: Page, slug: string, guest?: { name: string; email: string }) {
  await page.goto(`/events/${slug}`);
  await live(page, '.register-box form');
  if (guest) {
    await page.getByLabel('Nom complet').fill(guest.name);
    await page.locator('#field-email').fill(guest.email);
    await page.locator('#field-consent').check();
    await page.getByRole('button', { name: 'Réserver ma place' }).click();
  } else {
    await page.getByRole('button', { name: 'Réserver en un geste' }).click();
  }
  await expect(page).toHaveURL(/\/tickets\/[A-Za-z0-9_-]{22}$/);
}

/** Opens the phone menu (the header's tools live in it). */
async function openMenu(page: Page, isMobile: boolean) {
  await expect(page.locator('.menu-toggle')).toHaveAttribute('data-live', 'true');
  await expect(page.locator('.global-search span[hidden]')).toHaveAttribute('data-live', 'true');
  if (isMobile) await page.getByRole('button', { name: 'Menu' }).click();
}

test('a participant finds their upcoming ticket first on the dashboard and opens its QR code', async ({ page }, testInfo) => {
  const email = uniqueEmail('dash', testInfo.project.name);
  makeAccount(email, 'Inès Tableau');
  const event = makeEvent('dash', 'organisatrice@meetral.test');
  await signIn(page, email, DEMO_PASSWORD);
  await register(page, event.slug);

  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Inès');
  await expect(page.locator('[data-counter="participations"]')).toHaveText('1');
  const upcoming = page.locator('[data-upcoming]');
  await expect(upcoming.getByRole('link', { name: new RegExp(event.title) })).toBeVisible();
  await testInfo.attach('dashboard', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  await upcoming.getByRole('link', { name: new RegExp(event.title) }).click();
  await expect(page).toHaveURL(/\/tickets\/[A-Za-z0-9_-]{22}$/);
  await expect(page.locator('.ticket-qr svg')).toBeVisible();
});

test('an organizer’s statistics match the registrations, check-ins and page views made here', async ({ page, browser }, testInfo) => {
  const organizer = uniqueEmail('stats', testInfo.project.name);
  makeAccount(organizer, 'Olga Statistique');
  const event = makeEvent('stats', organizer, 8);
  // Two guests register from their own browsers (each opens the public page once).
  for (const name of ['Noé Premier', 'Lina Seconde']) {
    const guest = await browser.newPage({ locale: 'fr-FR', baseURL: testInfo.project.use.baseURL });
    await register(guest, event.slug, { name, email: uniqueEmail('guest', testInfo.project.name) });
    await guest.close();
  }
  await signIn(page, organizer, DEMO_PASSWORD);
  await page.goto(`/organizer/events/${event.id}/checkin`);
  await page.getByLabel('Chercher par nom, email ou code').fill('Noé');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.getByRole('button', { name: 'Valider l’entrée' }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-result', 'admitted');

  await page.goto('/dashboard');
  await page.locator('[data-organized]').getByRole('link', { name: event.title }).click();
  await expect(page).toHaveURL(new RegExp(`/organizer/events/${event.id}/stats$`));
  await expect(page.locator('[data-stat="seats"]')).toHaveText('2 / 8');
  await expect(page.locator('[data-stat="fill"]')).toHaveText('25 %');
  await expect(page.locator('[data-stat="registered"]')).toHaveText('2');
  await expect(page.locator('[data-stat="tickets"]')).toHaveText('2');
  await expect(page.locator('[data-stat="checked-in"]')).toHaveText('1');
  await expect(page.locator('[data-stat="checkin-rate"]')).toHaveText('50 %');
  await expect(page.locator('[data-stat="cancelled"]')).toHaveText('0');
  const views = Number(await page.locator('[data-stat="views"]').textContent());
  expect(views).toBeGreaterThanOrEqual(2);
  expect(views).toBe(Number(sql(`SELECT coalesce(sum(views), 0) FROM event_page_views WHERE event_id = ${event.id}`)));
  // The charts are server-rendered SVG with one bar per day.
  await expect(page.locator('.stats svg').first()).toBeVisible();
  await testInfo.attach('stats', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('the public profile: live checks, an avatar upload, and the organizer page shows it all', async ({ page }, testInfo) => {
  const email = uniqueEmail('profil', testInfo.project.name);
  makeAccount(email, 'Paul Profil');
  const slug = `paul-profil-${testInfo.project.name}-${Date.now()}`;
  sql(`UPDATE users SET organizer_slug = '${slug}' WHERE email = '${email}'`);
  await signIn(page, email, DEMO_PASSWORD);
  await page.goto('/account/public');
  await live(page, 'form.form >> nth=1');
  await page.getByLabel('Nom affiché').fill('Collectif Saveurs');
  await page.getByLabel('Présentation courte').fill('Des ateliers de cuisine ouverts à toutes et à tous.');
  const link = page.getByLabel('Lien (site, réseau social)').first();
  await link.fill('javascript:alert(1)');
  await link.blur();
  await expect(page.locator('#field-link_1-error')).toHaveText('Le lien doit commencer par https://');
  await link.fill('https://saveurs.exemple.fr');
  await link.blur();
  await expect(page.locator('#field-link_1-error')).toHaveText('');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(/saved=public/);
  await expect(page.getByRole('status').filter({ hasText: 'Profil public enregistré' })).toBeVisible();
  await expect(page.getByLabel('Nom affiché')).toHaveValue('Collectif Saveurs');

  await page.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(300, 200) });
  await page.getByRole('button', { name: 'Envoyer la photo' }).click();
  await expect(page).toHaveURL(/saved=avatar/);
  await expect(page.locator('img.avatar')).toBeVisible();

  await page.goto(`/organizers/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Collectif Saveurs');
  await expect(page.getByText('Des ateliers de cuisine ouverts')).toBeVisible();
  await expect(page.getByRole('link', { name: 'saveurs.exemple.fr' })).toHaveAttribute('rel', /nofollow/);
  const avatar = page.locator('.organizer-head img.avatar');
  await expect(avatar).toHaveAttribute('src', /\/media\/avatars\/\d+\/[A-Za-z0-9_-]+-128\.webp$/);
  // Really served: the browser decoded it at the stored square size.
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(128);
  await testInfo.attach('organizer page', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('the data export holds my data and nobody else’s', async ({ page }, testInfo) => {
  const email = uniqueEmail('export', testInfo.project.name);
  makeAccount(email, 'Eva Export');
  const event = makeEvent('export', 'organisatrice@meetral.test');
  const other = uniqueEmail('someone', testInfo.project.name);
  sql(`INSERT INTO event_participants (event_id, email, full_name, seats, manage_token_hash)
       VALUES (${event.id}, '${other}', 'Quelqu’un Dautre', 1, sha256('${other}'::bytea))`);
  await signIn(page, email, DEMO_PASSWORD);
  await register(page, event.slug);

  await page.goto('/account/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger (ZIP)' }).click(),
  ]);
  const file = testInfo.outputPath('export.zip');
  await download.saveAs(file);
  // Read back with Python's zipfile: a real archive, not just bytes that look like one.
  const listing = execFileSync('python3', ['-c', `
import json, sys, zipfile
archive = zipfile.ZipFile(sys.argv[1])
print("\\n".join(archive.namelist()))
data = json.loads(archive.read("data.json"))
print(data["account"]["email"])
print(json.dumps(data))
`, file], { encoding: 'utf8' });
  expect(listing).toContain('data.json');
  expect(listing).toMatch(/\.csv/);
  expect(listing).toContain(email);
  expect(listing).toContain(event.title);
  expect(listing).not.toContain(other);
  expect(listing).not.toContain('Quelqu’un Dautre');
});

test('deleting my account: the confirmation is checked live, then nothing personal remains', async ({ page }, testInfo) => {
  const email = uniqueEmail('adieu', testInfo.project.name);
  makeAccount(email, 'Denis Départ');
  const event = makeEvent('adieu', 'organisatrice@meetral.test', 5);
  await signIn(page, email, DEMO_PASSWORD);
  await register(page, event.slug);
  expect(sql(`SELECT seats_taken FROM events WHERE id = ${event.id}`)).toBe('1');

  await page.goto('/account/data');
  await live(page, '#delete-account');
  const confirm = page.getByLabel('Pour confirmer, tapez SUPPRIMER');
  await confirm.fill('supprime');
  await confirm.blur();
  await expect(page.locator('#field-confirm-error')).toHaveText('Tapez exactement SUPPRIMER (ou DELETE).');
  await confirm.fill('SUPPRIMER');
  await page.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot-de-passe');
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await expect(page.locator('#field-password-error')).toHaveText('Ce n’est pas votre mot de passe actuel.');
  expect(sql(`SELECT count(*) FROM users WHERE email = '${email}'`)).toBe('1');

  await page.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre compte est supprimé');
  // Nothing names the person any more; the seat went back; the session is over.
  expect(sql(`SELECT count(*) FROM users WHERE email = '${email}' OR full_name = 'Denis Départ'`)).toBe('0');
  expect(sql(`SELECT count(*) FROM event_participants WHERE email = '${email}' OR full_name = 'Denis Départ'`)).toBe('0');
  expect(sql(`SELECT seats_taken FROM events WHERE id = ${event.id}`)).toBe('0');
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?next=/);
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/login/);
});

test('the header search suggests events and organizers as one types; the keyboard opens one', async ({ page, isMobile }) => {
  await page.goto('/faq');
  await openMenu(page, isMobile);
  const box = page.getByRole('combobox', { name: /Recherche sur Meetral/ });
  await box.fill('testeurs');
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('option', { name: new RegExp(FIXTURE_TITLE) })).toBeVisible();
  await box.press('ArrowDown');
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) || 'none');
  await box.press('Escape');
  await expect(list).toBeHidden();
  await box.press('ArrowDown');
  await expect(list).toBeVisible();
  await box.press('Enter');
  await expect(page).toHaveURL(/\/events\/apero-des-testeurs-e2e$/);

  // Organizers by the name they show; the page behind the box works without JavaScript too.
  await page.goto('/search?q=camille');
  await expect(page.getByRole('region', { name: 'Organisateurs' }).getByRole('link').first()).toHaveAttribute('href', /^\/organizers\//);
  await expect(page.getByRole('region', { name: 'Comptes (administration)' })).toHaveCount(0);
  await page.goto('/search?q=zzzzqqqq');
  await expect(page.getByRole('status').filter({ hasText: 'Aucun résultat' })).toBeVisible();
});

test('admins also find accounts in the header search', async ({ page, isMobile }, testInfo) => {
  await signInStaff(page, 'admin', testInfo.project.name);
  await page.goto('/admin');
  await openMenu(page, isMobile);
  await page.getByRole('combobox', { name: /Recherche sur Meetral/ }).fill('participant@meetral');
  const accounts = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(accounts.getByText('Comptes (administration)')).toBeVisible();
  await accounts.getByRole('option', { name: /participant@meetral\.test/ }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
});

test('the text pages: privacy lists what is stored and says why there is no cookie banner; help has the five guides', async ({ page }) => {
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { name: 'Pas de traceur, donc pas de bandeau cookies' })).toBeVisible();
  await expect(page.getByRole('table').first()).toContainText('meetral_session');
  await expect(page.getByRole('heading', { name: 'Ce que nous conservons et pourquoi' })).toBeVisible();
  await page.goto('/faq');
  for (const guide of ['Créer un compte', 'Créer un événement', 'S’inscrire à un événement', 'Montrer mon billet', 'Accueillir les participants']) {
    await expect(page.getByRole('heading', { name: guide, exact: true })).toBeVisible();
  }
  await page.goto('/legal');
  await expect(page.getByRole('heading', { name: 'Éditeur' })).toBeVisible();
  await page.goto('/terms');
  await expect(page.getByRole('heading', { name: /Le label FreeFood/ })).toBeVisible();
});
