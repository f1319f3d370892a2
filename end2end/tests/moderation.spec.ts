import { test, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, decodedText, linkFromMail, makeAccount, sentMails, signIn, signInStaff, sql, uniqueEmail } from './support';

// Moderation as people use it: an organizer submits, a moderator decides in the back-office, the
// organizer reads the outcome; visitors report; an admin suspends an account.

/** An organizer's event, saved as a draft through SQL (the form has its own tests), then submitted in the UI. */
async function submitEvent(page: Page, title: string, project: string, email = uniqueEmail('orga', project)): Promise<number> {
  makeAccount(email, 'Inès Organisatrice');
  const id = Number(sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at,
         city, venue_name, address_line, postal_code)
       SELECT 'moderation-${Date.now()}-${Math.floor(Math.random() * 1e6)}', u.id, c.id, '${title}',
              'Un atelier pour apprendre ensemble.', 'draft', now() + interval '12 days',
              now() + interval '12 days 2 hours', 'Lyon', 'H7', '70 quai Perrache', '69002'
       FROM users u, categories c WHERE u.email = '${email}' AND c.slug = 'formation' RETURNING id`));
  await signIn(page, email, DEMO_PASSWORD);
  await page.goto(`/organizer/events/${id}/preview`);
  await page.getByRole('button', { name: 'Soumettre à la modération' }).click();
  await expect(page.getByText('Événement soumis : la modération va le relire.')).toBeVisible();
  await expect(page.locator('.organizer-banner .status')).toHaveText('En modération');
  return id;
}

test('organizer submits → moderator approves → the event is in the catalogue', async ({ browser }, testInfo) => {
  const title = `Atelier compost ${testInfo.project.name} ${Date.now()}`;
  const organizer = await browser.newPage();
  const id = await submitEvent(organizer, title, testInfo.project.name);

  const moderator = await browser.newPage();
  await signInStaff(moderator, 'moderator', testInfo.project.name);
  await moderator.goto('/admin/moderation');
  await moderator.getByRole('link', { name: title }).click();
  await expect(moderator).toHaveURL(new RegExp(`/admin/moderation/${id}$`));
  await expect(moderator.locator('[data-risk-score]')).toBeVisible();
  await expect(moderator.getByRole('heading', { name: title, level: 1 }).or(moderator.locator('.review-preview h1'))).toBeVisible();
  await moderator.getByRole('button', { name: 'Approuver et publier' }).click();
  await expect(moderator).toHaveURL(/\/admin\/moderation\?done=approve/);
  await expect(moderator.getByRole('status')).toHaveText('C’est fait.');
  await expect(moderator.getByRole('link', { name: title })).toHaveCount(0);

  const visitor = await browser.newPage();
  await visitor.goto(`/events?q=${encodeURIComponent('compost ' + testInfo.project.name)}`);
  await expect(visitor.getByRole('link', { name: title }).first()).toBeVisible();
  await organizer.goto(`/organizer/events/${id}/preview`);
  await expect(organizer.locator('.organizer-banner .status')).toHaveText('Publié');
});

test('a rejection reaches the organizer with its reason, in the preview and the notification centre', async ({ browser }, testInfo) => {
  const title = `Soirée floue ${testInfo.project.name} ${Date.now()}`;
  const organizer = await browser.newPage();
  const email = uniqueEmail('orga', testInfo.project.name);
  const id = await submitEvent(organizer, title, testInfo.project.name, email);

  const moderator = await browser.newPage();
  await signInStaff(moderator, 'moderator', testInfo.project.name);
  await moderator.goto(`/admin/moderation/${id}`);
  // No reason at all: refused at the field, nothing decided.
  await moderator.getByRole('button', { name: 'Refuser' }).click();
  await expect(moderator.locator('#field-reason-error')).toHaveText('Ce champ est obligatoire.');
  await moderator.getByLabel('Motif préparé').selectOption('incomplete');
  await moderator.getByLabel('Motif (envoyé à l’organisateur)').fill('Précisez la salle, s’il vous plaît.');
  await moderator.getByRole('button', { name: 'Refuser' }).click();
  await expect(moderator).toHaveURL(/done=reject/);

  await organizer.goto(`/organizer/events/${id}/preview`);
  await expect(organizer.locator('.organizer-banner .status')).toHaveText('Refusé');
  await expect(organizer.locator('[data-moderation-reason]')).toContainText('Précisez la salle, s’il vous plaît.');
  await expect(organizer.locator('[data-moderation-reason]')).toContainText('Informations incomplètes');
  await organizer.goto('/organizer/events');
  await expect(organizer.locator('.my-event').filter({ hasText: title }).locator('[data-moderation-reason]'))
    .toContainText('Précisez la salle, s’il vous plaît.');
  await organizer.goto('/notifications');
  await expect(organizer.getByText(title).first()).toBeVisible();
  // And by mail, through the outbox and the test SMTP server, with the reason and a link to edit.
  expect(await linkFromMail(email, `/organizer/events/`)).toBe(`/organizer/events/${id}`);
  const mail = sentMails().map(decodedText).find((text) => text.includes(title) && text.includes('Précisez la salle'));
  expect(mail).toBeTruthy();
});

test('a visitor report past the threshold takes the event out of the catalogue', async ({ page }, testInfo) => {
  const title = `Buffet mystère ${testInfo.project.name} ${Date.now()}`;
  const slug = `buffet-mystere-${testInfo.project.name}-${Date.now()}`;
  sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city, venue_name,
         address_line, postal_code, free_food, free_food_details, published_at)
       SELECT '${slug}', u.id, c.id, '${title}', 'Un buffet offert à tous.', 'published', now() + interval '6 days',
              now() + interval '6 days 2 hours', 'Lyon', 'H7', '70 quai Perrache', '69002', true, 'Buffet', now()
       FROM users u, categories c WHERE u.email = 'organisatrice@meetral.test' AND c.slug = 'networking'`);
  // Two people reported it already (the threshold is three).
  sql(`INSERT INTO reports (event_id, reason, reporter_key) SELECT id, 'misleading_food', k
       FROM events, unnest(ARRAY['e2e:a', 'e2e:b']) AS k WHERE slug = '${slug}'`);
  const search = `/events?q=${encodeURIComponent('buffet mystère ' + testInfo.project.name)}`;
  await page.goto(search);
  await expect(page.getByRole('link', { name: title }).first()).toBeVisible();

  await page.goto(`/events/${slug}`);
  await page.getByText('Signaler cet événement').click();
  await page.getByLabel('Motif du signalement').selectOption('misleading_food');
  await page.getByLabel('Précisions (facultatif)').fill('Il n’y avait rien à manger la dernière fois.');
  await page.getByLabel('Votre e-mail pour recevoir un accusé de réception (facultatif)').fill(uniqueEmail('temoin', testInfo.project.name));
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  // The third report hid it: the visitor lands on a page that no longer exists for the public.
  await expect(page).toHaveURL(/reported=1/);
  await expect(page.locator('[data-report-sent]')).toHaveText('Merci : votre signalement a été transmis à la modération.');
  await page.goto(search);
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  expect(sql(`SELECT hidden_reason FROM events WHERE slug = '${slug}'`)).toBe('reports');
});

test('an admin suspends an account in the back-office; it can no longer sign in', async ({ browser }, testInfo) => {
  const email = uniqueEmail('sanction', testInfo.project.name);
  makeAccount(email, 'Sacha Sanction');
  const id = sql(`SELECT id FROM users WHERE email = '${email}'`);
  const admin = await browser.newPage();
  await signInStaff(admin, 'admin', testInfo.project.name);
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await admin.getByRole('link', { name: 'Sacha Sanction' }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/users/${id}$`));
  await admin.getByText('Suspendre ce compte…').click();
  await admin.getByLabel('Motif (montré à la connexion)').fill('Faux événements à répétition');
  await admin.getByRole('button', { name: 'Suspendre', exact: true }).click();
  await expect(admin.locator('[data-state]')).toHaveText('Suspendu');

  const person = await browser.newPage();
  await signIn(person, email, DEMO_PASSWORD);
  await expect(person.getByRole('alert').filter({ hasText: 'Ce compte est suspendu.' })).toContainText('Faux événements à répétition');
  await expect(person).toHaveURL(/\/login/);
});
