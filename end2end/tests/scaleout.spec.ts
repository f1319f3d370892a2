import { test, expect, type BrowserContext, type Page, type Response } from '@playwright/test';
import { DEMO_PASSWORD, live, makeAccount, sentMails, signIn, sql, uniqueEmail } from './support';

// Two servers sharing one database behind HAProxy (playwright.scaleout.config.ts). The header
// x-meetral-instance pins a request to one of them; HAProxy says in its answer which one served it.

const pin = (context: BrowserContext, instance: 'a' | 'b') => context.setExtraHTTPHeaders({ 'x-meetral-instance': instance });
const servedBy = (response: Response | null) => response?.headers()['x-meetral-instance'];

async function goOn(page: Page, instance: 'a' | 'b', path: string) {
  await pin(page.context(), instance);
  const response = await page.goto(path);
  expect(servedBy(response), `${path} served by ${instance}`).toBe(instance);
  expect(response?.status()).toBe(200);
}

function makeEvent(organizer: string, tag: string): { id: string; slug: string } {
  const slug = `echelle-${tag}`;
  const id = sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city,
                    venue_name, published_at, capacity)
                  SELECT '${slug}', u.id, c.id, 'Soirée à deux serveurs ${tag.slice(-6)}', 'Le parcours sur deux instances.',
                         'published', now() + interval '20 minutes', now() + interval '3 hours', 'Lyon', 'H7', now(), 100
                  FROM users u, categories c WHERE u.email = '${organizer}' AND c.slug = 'networking' RETURNING id`);
  return { id, slug };
}

test('sign in on one instance, continue on the other, register, and get checked in', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const tag = `${testInfo.project.name}-${Date.now()}`;
  const organizer = uniqueEmail('scale-orga', testInfo.project.name);
  makeAccount(organizer, 'Oriane Échelle');
  const event = makeEvent(organizer, tag);
  const participant = uniqueEmail('scale', testInfo.project.name);
  makeAccount(participant, 'Sacha Échelle');

  // Signed in on a; the session (in PostgreSQL) is valid on b.
  await pin(page.context(), 'a');
  await signIn(page, participant, DEMO_PASSWORD);
  // (The account page answers only a signed-in person; signed out it sends to the sign-in form.)
  await goOn(page, 'a', '/account');
  await expect(page.locator('main')).toContainText(participant);
  await goOn(page, 'b', '/account');
  await expect(page.locator('main')).toContainText(participant);

  // Registers on b (the form's island posts to b too), opens the ticket on a.
  await goOn(page, 'b', `/events/${event.slug}`);
  await live(page, '.register-box form');
  await page.getByRole('button', { name: 'Réserver en un geste' }).click();
  await expect(page).toHaveURL(/\/tickets\/[A-Za-z0-9_-]{22}$/);
  const code = new URL(page.url()).pathname.split('/').pop()!;
  await goOn(page, 'a', `/tickets/${code}`);
  await expect(page.locator('main').getByText('Sacha Échelle').first()).toBeVisible();

  // The organizer signs in on b and checks the ticket in at the door page served by a.
  const door = await browser.newPage();
  await pin(door.context(), 'b');
  await signIn(door, organizer, DEMO_PASSWORD);
  await goOn(door, 'a', `/organizer/events/${event.id}/checkin`);
  await expect(door.locator('#checkin')).toHaveAttribute('data-live', 'true');
  await pin(door.context(), 'b'); // the scan itself goes to b
  await door.getByLabel('Chercher par nom, email ou code').fill(code);
  await door.getByRole('button', { name: 'Rechercher' }).click();
  await door.getByRole('button', { name: 'Valider l’entrée' }).click();
  await expect(door.locator('[data-verdict]')).toHaveAttribute('data-result', 'admitted');
  expect(sql(`SELECT status FROM tickets WHERE code = '${code}'`)).toBe('used');
  await door.close();
});

test('the two instances’ mail workers send every mail exactly once', async ({ request }, testInfo) => {
  test.setTimeout(90_000);
  const tag = `${testInfo.project.name}-mail-${Date.now()}`;
  const organizer = uniqueEmail('scale-mail', testInfo.project.name);
  makeAccount(organizer, 'Maëlle Échelle');
  const event = makeEvent(organizer, tag);
  const guests = Array.from({ length: 30 }, (_, n) => `scale-${n}-${tag}@exemple.fr`.toLowerCase());
  const served = new Set<string>();
  await Promise.all(guests.map(async (email, n) => {
    const response = await request.post('/api/fn/register', {
      form: { event_id: event.id, seats: '1', full_name: `Invité ${n}`, email, consent: 'on', locale: 'fr' },
      headers: { Accept: 'application/json', 'x-meetral-instance': n % 2 ? 'a' : 'b' },
    });
    expect(response.status(), await response.text()).toBe(200);
    served.add(response.headers()['x-meetral-instance']);
  }));
  expect([...served].sort()).toEqual(['a', 'b']);

  // Both workers poll the same outbox; each mail is claimed once.
  const sentRows = () => Number(sql(`SELECT count(*) FROM email_outbox WHERE template = 'registration_confirmed'
                                       AND payload #>> '{event,id}' = '${event.id}' AND status = 'sent'`));
  await expect.poll(sentRows, { timeout: 45_000 }).toBe(guests.length);
  const received = (email: string) => sentMails().filter((raw) => raw.toLowerCase().includes(`to: ${email}`) || raw.toLowerCase().includes(`<${email}>`)).length;
  await expect.poll(() => guests.filter((email) => received(email) !== 1), { timeout: 10_000 }).toEqual([]);
  const ids = sentMails().map((raw) => raw.match(/^Message-ID:\s*(\S+)/im)?.[1]).filter(Boolean);
  expect(ids.length, 'no Message-ID delivered twice').toBe(new Set(ids).size);
});
