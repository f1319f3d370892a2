// Registration to the door, in the browser: a guest registers (two seats, a question), finds the mail
// in the test SMTP server, opens the ticket, goes offline and reloads it; the organizer then scans it
// with the camera (Chromium's fake capture fed with an image of the QR) and a second scan says it was
// already used. Also: the waitlist and self-cancel through the private link, the participants page.
import { writeFileSync } from 'node:fs';
import { chromium, expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, decodedText, linkFromMail, live, makeAccount, sentMails, signIn, sql, uniqueEmail } from './support';

const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** A published event of `organizer` in two days (two seats a registration, one question), with
 *  `capacity` and the waitlist when given; answers its id and slug. */
function makeEvent(slug: string, organizer: string, capacity?: number): { id: string; slug: string } {
  const id = sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city,
                    venue_name, address_line, postal_code, published_at, max_seats_per_registration, registration_questions,
                    capacity, waitlist_enabled)
                  SELECT '${slug}', u.id, c.id, 'Soirée billetterie ${slug.slice(-6)}', 'Un événement des tests de billetterie.',
                         'published', now() + interval '2 days', now() + interval '2 days 3 hours', 'Lyon', 'H7',
                         '70 quai Perrache', '69002', now(), 2,
                         '[{"label": "Régime", "choices": ["Aucun", "Végétarien"]}]', ${capacity ?? 'NULL'}, ${capacity !== undefined}
                  FROM users u, categories c WHERE u.email = '${organizer}' AND c.slug = 'networking' RETURNING id`);
  return { id, slug };
}

async function registerAsGuest(page: Page, slug: string, name: string, email: string) {
  await page.goto(`/events/${slug}`);
  await live(page, '.register-box form');
  await page.getByLabel('Nom complet').fill(name);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-consent').check();
}

test('a guest registers, opens the ticket offline, and the organizer scans it by camera', async ({ page, context }, testInfo) => {
  test.setTimeout(90_000);
  const project = testInfo.project.name;
  const organizer = uniqueEmail('door', project);
  makeAccount(organizer, 'Nora Accueil');
  const event = makeEvent(`billet-${project}-${Date.now()}`, organizer);
  const email = uniqueEmail('guest', project);

  await registerAsGuest(page, event.slug, 'Léa Billet', email);
  await page.locator('#field-seats').selectOption('2');
  await page.locator('details.attendees summary').click();
  await page.getByLabel('Participant 2').fill('Tom Billet');
  await page.getByLabel('Régime').selectOption('Végétarien');
  await page.getByRole('button', { name: 'Réserver ma place' }).click();
  await expect(page).toHaveURL(/\/tickets\/[A-Za-z0-9_-]{22}$/);

  // The mail in the SMTP server holds the ticket link and the private manage link.
  const ticketPath = await linkFromMail(email, '/tickets/');
  const mail = decodedText(sentMails().find((m) => m.toLowerCase().includes(email)) || '');
  expect(mail).toContain('/manage/');
  await page.goto(ticketPath);
  await expect(page.locator('.ticket-qr svg')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-offline-ready', 'true');

  // In a basement: no network, the ticket still opens.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.ticket-qr svg')).toBeVisible();
  await expect(page.getByText('Léa Billet')).toBeVisible();
  await context.setOffline(false);

  // The QR code as a camera would see it: a 640×480 frame, written as a one-frame MJPEG file.
  const svg = await page.locator('.ticket-qr').innerHTML();
  const frame = await context.newPage();
  await frame.setViewportSize({ width: 640, height: 480 });
  await frame.setContent(`<body style="margin:0;width:640px;height:480px;background:#fff;display:flex;align-items:center;justify-content:center">
    <div style="width:400px;height:400px">${svg.replace('<svg', '<svg width="400" height="400"')}</div></body>`);
  const jpeg = await frame.screenshot({ type: 'jpeg', quality: 95 });
  const video = testInfo.outputPath('qr.mjpeg');
  writeFileSync(video, jpeg);
  await frame.close();

  const camera = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const door = await camera.newContext({
      baseURL: testInfo.project.use.baseURL,
      viewport: testInfo.project.use.viewport,
      isMobile: testInfo.project.use.isMobile,
      hasTouch: testInfo.project.use.hasTouch,
      locale: 'fr-FR',
    });
    await door.grantPermissions(['camera']);
    const scanner = await door.newPage();
    await signIn(scanner, organizer, DEMO_PASSWORD);
    await scanner.goto(`/organizer/events/${event.id}/checkin`);
    const root = scanner.locator('#checkin');
    await expect(root).toHaveAttribute('data-live', 'true');
    await expect(root).toHaveAttribute('data-kit', 'ready');
    await expect(scanner.locator('[data-count-registered]')).toHaveText('2');
    await scanner.getByRole('button', { name: 'Scanner avec la caméra' }).click();
    await expect(root).toHaveAttribute('data-camera', 'on');
    const verdict = scanner.locator('[data-verdict]');
    await expect(verdict).toHaveAttribute('data-result', 'admitted', { timeout: 20_000 });
    await expect(scanner.locator('[data-verdict-title]')).toHaveText('Bienvenue !');
    await expect(scanner.locator('[data-verdict-name]')).toHaveText('Léa Billet');
    await expect(scanner.locator('[data-count-checked]')).toHaveText('1');
    // Still in front of the camera: judged again, refused.
    await expect(verdict).toHaveAttribute('data-result', 'already_used', { timeout: 20_000 });
    await expect(scanner.locator('[data-verdict-detail]')).toContainText(/Utilisé à \d\d:\d\d/);
    await expect(verdict).toHaveClass(/verdict-bad/);

    // Manual search finds the second seat; checking it in by hand (camera off, or it judges Léa again).
    // A tap dismisses the verdict that covers the screen.
    if (await verdict.isVisible()) await verdict.click();
    await scanner.getByRole('button', { name: 'Arrêter la caméra' }).click();
    await expect(root).toHaveAttribute('data-camera', 'off');
    await scanner.getByLabel('Chercher par nom, email ou code').fill('Tom');
    await scanner.getByRole('button', { name: 'Rechercher' }).click();
    await scanner.getByRole('button', { name: 'Valider l’entrée' }).click();
    await expect(verdict).toHaveAttribute('data-result', 'admitted');
    await expect(scanner.locator('[data-count-checked]')).toHaveText('2');

    // Offline at the door: the downloaded list judges, the scan is queued and synced afterwards.
    await door.setOffline(true);
    await scanner.getByLabel('Chercher par nom, email ou code').fill('Léa');
    await scanner.getByRole('button', { name: 'Rechercher' }).click();
    await scanner.getByRole('button', { name: 'Valider l’entrée' }).first().click();
    await expect(verdict).toHaveAttribute('data-result', 'already_used');
    await door.setOffline(false);

    // A ticket issued after the list was downloaded: reload (new list), go offline, admit it from the
    // list; the scan waits in the queue and is synced when the network is back.
    const late = await scanner.request.post('/api/fn/register', {
      form: { event_id: event.id, seats: '1', locale: 'fr' }, headers: { Accept: 'application/json' },
    });
    expect(late.ok()).toBeTruthy();
    await scanner.reload();
    await expect(root).toHaveAttribute('data-kit', 'ready');
    await door.setOffline(true);
    await scanner.getByLabel('Chercher par nom, email ou code').fill('Nora');
    await scanner.getByRole('button', { name: 'Rechercher' }).click();
    await scanner.getByRole('button', { name: 'Valider l’entrée' }).click();
    await expect(verdict).toHaveAttribute('data-result', 'admitted');
    const network = scanner.locator('[data-network]');
    await expect(network).toHaveAttribute('data-state', 'offline');
    await expect(network).toHaveAttribute('data-queued', '1');
    await door.setOffline(false);
    await expect(network).toHaveAttribute('data-synced', 'true', { timeout: 15_000 });
    await expect(network).toHaveAttribute('data-queued', '0');
    await expect(scanner.locator('[data-count-checked]')).toHaveText('3', { timeout: 10_000 });

    // The participants page lists the registration with its answer.
    await scanner.goto(`/organizer/events/${event.id}/participants`);
    await expect(scanner.locator('tr[data-participant]')).toHaveCount(2);
    const lea = scanner.locator('tr[data-participant]', { hasText: 'Léa Billet' });
    await expect(lea).toContainText('Végétarien');
    await expect(lea).toContainText('Tom Billet');
    await expect(lea).toContainText('2 / 2');
    await scanner.getByLabel('Nom ou email').fill('nora');
    await scanner.getByRole('button', { name: 'Filtrer' }).click();
    await expect(scanner.locator('tr[data-participant]')).toHaveCount(1);
  } finally {
    await camera.close();
  }
});

test('a full event puts people on the waitlist; a cancellation offers the seat to the next', async ({ page, browser }, testInfo) => {
  const project = testInfo.project.name;
  const organizer = uniqueEmail('wl-orga', project);
  makeAccount(organizer, 'Olivia Liste');
  const event = makeEvent(`attente-${project}-${Date.now()}`, organizer, 1);
  const first = uniqueEmail('wl-first', project);
  await registerAsGuest(page, event.slug, 'Première Place', first);
  await page.getByRole('button', { name: 'Réserver ma place' }).click();
  await expect(page).toHaveURL(/\/tickets\//);

  const second = uniqueEmail('wl-second', project);
  const other = await browser.newPage({ locale: 'fr-FR', baseURL: testInfo.project.use.baseURL });
  await registerAsGuest(other, event.slug, 'Deuxième Attente', second);
  await expect(other.getByRole('heading', { name: 'Rejoindre la liste d’attente' })).toBeVisible();
  await other.getByRole('button', { name: 'Rejoindre la liste d’attente' }).click();
  await expect(other).toHaveURL(/\/manage\//);
  await expect(other.getByRole('heading', { name: 'Vous êtes sur la liste d’attente' })).toBeVisible();
  await expect(other.locator('[data-waitlist-position]')).toHaveText('1');

  // The first person cancels through the private link of their mail.
  const manage = await linkFromMail(first, '/manage/');
  await page.goto(manage);
  await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
  await expect(page.getByText('Votre inscription est annulée.')).toBeVisible();
  await expect(page.locator('[data-registration-state]')).toHaveText('Annulée');

  // The next person gets the offer by mail and takes the seat.
  const offer = await linkFromMail(second, '/tickets/offer/');
  await other.goto(offer);
  await other.getByRole('button', { name: 'Accepter la place' }).click();
  await expect(other).toHaveURL(/\/tickets\/[A-Za-z0-9_-]{22}$/);
  await expect(other.getByText('Deuxième Attente')).toBeVisible();
  await expect(other.locator('[data-ticket-status]')).toHaveText('Valide');
  await other.close();
});
