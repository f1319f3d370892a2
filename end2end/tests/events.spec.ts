// Event authoring in the browser: live errors before submitting, a draft that survives closing the tab,
// a pin placed on the map, an image upload, the preview, submission; then cancellation reaching a
// registrant by mail (real SMTP server) and in the notification centre.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, decodedText, live, makeAccount, png, sentMails, signIn, sql, uniqueEmail } from './support';

/** "YYYY-MM-DDTHH:MM", `days` from now. */
function localDate(days: number, time: string): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${time}`;
}

test('an organizer sees errors as they type, keeps a draft, places a pin, uploads a cover and submits', async ({ page }, testInfo) => {
  const email = uniqueEmail('orga', testInfo.project.name);
  makeAccount(email, 'Inès Organisatrice');
  await signIn(page, email, DEMO_PASSWORD);
  await page.goto('/organizer/events/new');
  await live(page, 'form.event-form');

  // Live errors, before anything is sent.
  await page.getByLabel('Titre').fill('Ab');
  await page.getByLabel('Titre').blur();
  await expect(page.locator('#field-title-error')).toHaveText('Ce texte est trop court.');
  await page.getByLabel('Début').fill(localDate(20, '18:30'));
  await page.getByLabel('Fin', { exact: true }).fill(localDate(20, '17:00'));
  await page.getByLabel('Fin', { exact: true }).blur();
  await expect(page.locator('#field-ends_at-error')).toHaveText('La fin doit être après le début.');
  await page.getByLabel('Sur place et en ligne').check();
  await page.getByLabel('Lien de la visio').fill('javascript:alert(1)');
  await page.getByLabel('Lien de la visio').blur();
  await expect(page.locator('#field-online_url-error')).toHaveText('Le lien doit commencer par https://');
  await page.getByLabel('Nombre de places').fill('0');
  await page.getByLabel('Nombre de places').blur();
  await expect(page.locator('#field-capacity-error')).toContainText('à partir de 1');

  // The draft is saved as the organizer types: closing the tab loses nothing.
  await page.getByLabel('Titre').fill('Atelier cuisine du monde');
  await expect(page.locator('[data-draft-status]')).toHaveText('Brouillon enregistré.');
  await page.close();
  const again = await page.context().newPage();
  await again.goto('/organizer/events/new');
  await expect(again.getByText('Brouillon retrouvé')).toBeVisible();
  await expect(again.getByLabel('Titre')).toHaveValue('Atelier cuisine du monde');
  await expect(again.getByLabel('Lien de la visio')).toHaveValue('javascript:alert(1)');
  await live(again, 'form.event-form');

  // Submitting with errors left shows the summary and keeps everything typed.
  await again.getByRole('button', { name: 'Enregistrer et prévisualiser' }).click();
  await expect(again.locator('[data-summary]')).toBeVisible();
  await expect(again.locator('#field-online_url-error')).toHaveText('Le lien doit commencer par https://');

  // The configured geocoder (answered here: tests never reach the internet) places the pin from the address.
  const searched: string[] = [];
  await again.route('https://geocoder.meetral.test/**', (route) => {
    searched.push(new URL(route.request().url()).searchParams.get('q') || '');
    return route.fulfill({ json: [{ lat: '47.218371', lon: '-1.553621' }], headers: { 'access-control-allow-origin': '*' } });
  });

  // Fix everything.
  await again.getByLabel('Résumé').fill('On cuisine ensemble des recettes de cinq continents, puis on partage.');
  await again.getByLabel('Catégorie').selectOption('culturel');
  await again.getByLabel('Description').fill('Au menu :\n\n- **mafé**\n- *pho*');
  await expect(again.locator('[data-preview-body] strong')).toHaveText('mafé');
  await again.getByLabel('Fin', { exact: true }).fill(localDate(20, '21:00'));
  await again.getByLabel('Lien de la visio').fill('https://visio.exemple.fr/cuisine');
  await again.getByLabel('Nombre de places').fill('24');
  await again.getByLabel('Nom du lieu').fill('La Cuisine Partagée');
  await again.getByLabel('Adresse').fill('12 rue des Olivettes');
  await again.getByLabel('Code postal').fill('44000');
  await again.getByLabel('Ville').fill('Nantes');
  await expect(again.getByLabel('Latitude')).toHaveValue('47.218371');
  await expect(again.getByLabel('Longitude')).toHaveValue('-1.553621');
  await expect(again.getByText('Adresse trouvée')).toBeVisible();
  expect(searched.at(-1)).toBe('12 rue des Olivettes, 44000 Nantes');
  await again.getByLabel('On offre à manger ou à boire').check();
  await again.getByLabel('Ce qui est offert').fill('Tout ce que nous cuisinons');
  await again.getByLabel('Végétarien').check();

  // The pin, moved by hand: a tap on the map writes the position (tiles are not needed for that).
  const map = again.locator('[data-map-picker]');
  await expect(map).toHaveAttribute('data-map-ready', 'true');
  await expect(again.locator('.map-picker .leaflet-marker-icon')).toHaveCount(1);
  await map.click({ position: { x: 120, y: 90 } });
  await expect(again.locator('.map-picker .leaflet-marker-icon')).toHaveCount(1);
  await expect(again.getByLabel('Latitude')).not.toHaveValue('47.218371');
  await expect(again.getByLabel('Latitude')).toHaveValue(/^\d+\.\d{6}$/);
  await expect(again.getByLabel('Longitude')).toHaveValue(/^-?\d+\.\d{6}$/);

  await again.getByRole('button', { name: 'Enregistrer et prévisualiser' }).click();
  await again.waitForURL(/\/organizer\/events\/\d+\/preview\?saved=1/);
  await expect(again.getByText('Événement enregistré.')).toBeVisible();
  await expect(again.getByRole('heading', { level: 1, name: 'Atelier cuisine du monde' })).toBeVisible();
  await expect(again.locator('.event-description strong')).toHaveText('mafé');
  await expect(again.locator('.status').first()).toHaveText('Brouillon');

  // A cover image, with its alt text.
  const images = again.locator('details.images-panel');
  await live(again, 'details.images-panel form');
  await images.locator('input[type=file]').setInputFiles({ name: 'affiche.png', mimeType: 'image/png', buffer: png(800, 450) });
  await images.getByLabel('Texte alternatif').fill('Des mains qui pétrissent une pâte');
  await images.getByRole('button', { name: 'Ajouter l’image' }).click();
  await again.waitForURL(/saved=image/);
  await expect(again.getByText('Image ajoutée.')).toBeVisible();
  const cover = again.locator('img.event-cover');
  await expect(cover).toHaveAttribute('alt', 'Des mains qui pétrissent une pâte');
  await expect(cover).toHaveAttribute('srcset', /480w/);
  expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await again.getByRole('button', { name: 'Soumettre à la modération' }).click();
  await again.waitForURL(/saved=submitted/);
  await expect(again.getByText('Événement soumis')).toBeVisible();
  await expect(again.locator('.status').first()).toHaveText('En modération');
  await testInfo.attach('preview', { body: await again.screenshot({ fullPage: true }), contentType: 'image/png' });
  const row = sql(`SELECT status || '|' || city || '|' || (latitude IS NOT NULL) || '|' || free_food FROM events WHERE title = 'Atelier cuisine du monde' AND organizer_id = (SELECT id FROM users WHERE email = '${email}')`);
  expect(row).toBe('pending_review|Nantes|true|true');
});

test('cancelling an event reaches the registrant by mail and in the notification centre', async ({ browser, page }, testInfo) => {
  const organizer = uniqueEmail('orga-annule', testInfo.project.name);
  const guest = uniqueEmail('invite', testInfo.project.name);
  makeAccount(organizer, 'Paul Organisateur');
  makeAccount(guest, 'Zoé Participante');
  const title = `Concert annulé ${testInfo.project.name} ${Date.now()}`;
  const id = sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city, published_at)
    SELECT 'concert-${Date.now()}-${testInfo.project.name}', u.id, c.id, '${title}', 'Un concert au parc, en plein air.', 'published',
           now() + interval '10 days', now() + interval '10 days 2 hours', 'Lille', now()
    FROM users u, categories c WHERE u.email = '${organizer}' AND c.slug = 'culturel' RETURNING id`);
  const participant = sql(`INSERT INTO event_participants (event_id, user_id, email, full_name)
    SELECT ${id}, id, email, full_name FROM users WHERE email = '${guest}' RETURNING id`);
  sql(`INSERT INTO tickets (code, event_id, participant_id, attendee_name)
       VALUES (md5(random()::text) || md5(random()::text), ${id}, ${participant}, 'Zoé Participante')`);

  await signIn(page, organizer, DEMO_PASSWORD);
  await page.goto(`/organizer/events/${id}/preview`);
  await page.getByText('Annuler l’événement').click();
  await live(page, 'details.cancel-event form');
  await page.getByLabel('Message aux inscrits').fill('Orage annoncé : nous reportons, désolés !');
  await page.getByRole('button', { name: 'Annuler définitivement l’événement' }).click();
  await page.waitForURL(/saved=cancelled/);
  await expect(page.getByText('L’événement est annulé ; les inscrits sont prévenus.')).toBeVisible();
  await expect(page.getByText('Cet événement est annulé.').first()).toBeVisible();
  expect(sql(`SELECT status FROM tickets WHERE participant_id = ${participant}`)).toBe('cancelled');

  // The mail went through the SMTP server with the organizer's message.
  await expect
    .poll(() => sentMails().some((raw) => raw.includes(guest) && decodedText(raw).includes('Orage annoncé')), { timeout: 20_000 })
    .toBe(true);

  // And the notification centre shows it to the registrant.
  const context = await browser.newContext();
  const guestPage = await context.newPage();
  await signIn(guestPage, guest, DEMO_PASSWORD);
  await guestPage.goto('/notifications');
  await expect(guestPage.getByText(`Événement annulé — ${title}`)).toBeVisible();
  await context.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the event form works as a plain form: errors at their fields, nothing typed lost', async ({ page }, testInfo) => {
    const email = uniqueEmail('orga-sans-js', testInfo.project.name);
    makeAccount(email, 'Noé Sans Script');
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).not.toHaveURL(/\/login/);

    await page.goto('/organizer/events/new');
    await page.getByLabel('Titre').fill('Ab');
    await page.getByLabel('Résumé').fill('Une balade commentée dans le vieux Lyon, sans écran.');
    await page.getByLabel('Catégorie').selectOption('culturel');
    await page.getByLabel('Début').fill(localDate(15, '10:00'));
    await page.getByLabel('Fin', { exact: true }).fill(localDate(15, '12:00'));
    await page.getByLabel('Ville').fill('Lyon');
    await page.getByRole('button', { name: 'Enregistrer et prévisualiser' }).click();
    await expect(page).toHaveURL(/\/organizer\/events\/new/);
    await expect(page.locator('#field-title-error')).toHaveText('Ce texte est trop court.');
    await expect(page.getByLabel('Titre')).toHaveValue('Ab');
    await expect(page.getByLabel('Ville')).toHaveValue('Lyon');

    await page.getByLabel('Titre').fill('Balade dans le vieux Lyon');
    await page.getByRole('button', { name: 'Enregistrer et prévisualiser' }).click();
    await expect(page).toHaveURL(/\/organizer\/events\/\d+\/preview\?saved=1/);
    await expect(page.getByRole('heading', { level: 1, name: 'Balade dans le vieux Lyon' })).toBeVisible();
  });
});
