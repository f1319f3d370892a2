import { test, expect, type Page } from '@playwright/test';
import { decodedText, DEMO_PASSWORD, live, makeAccount, sentMails, signIn, signInStaff, sql, uniqueEmail } from './support';

// Script payloads in every field people type (event title, summary, description, venue, address, FreeFood
// details, image alt text, registration questions and answers, names, organizer profile, report text)
// must come out as text on every page that shows them, and in the mails: nothing runs, no element is
// injected, no javascript: link survives.

const RUN = "window.__xss=(window.__xss||0)+1";
const payloads = {
  script: `<script>${RUN}</script>`,
  img: `<img src=x onerror="${RUN}">`,
  svg: `"><svg onload=${RUN}>`,
  quote: `' onmouseover='${RUN}' x='`,
  // Inside a script element, this would keep the element open past its end tag.
  comment: '<!--<script>',
};
const all = Object.values(payloads).join(' ');

/** Nothing ran and nothing was injected in the page as the browser built it. */
async function inert(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), `a payload ran on ${where}`).toBeUndefined();
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    handlers: document.querySelectorAll('[onmouseover], [onerror]').length,
    // Script elements the browser would run (JSON-LD data may carry the title as a JSON string).
    scripts: [...document.scripts].filter((s) => !/json/i.test(s.type) && s.textContent?.includes('__xss')).length,
    // Data blocks stay whole: a title that closed the element would leave JSON that does not parse.
    brokenData: [...document.querySelectorAll('script[type*="json" i]')].filter((s) => {
      try { JSON.parse(s.textContent ?? ''); return false; } catch { return true; }
    }).length,
    links: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  expect(injected, where).toEqual({ img: 0, svg: 0, handlers: 0, scripts: 0, brokenData: 0, links: 0 });
}

test('script payloads in user fields stay inert on every page and in the mails', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const tag = `${testInfo.project.name}${Date.now()}`;
  const organizer = uniqueEmail('xss-organizer', testInfo.project.name);
  makeAccount(organizer, `Orga ${payloads.img}`.slice(0, 100));
  sql(`UPDATE users SET organizer_slug = 'xss-${tag.toLowerCase()}', display_name = $$Orga ${payloads.svg}$$,
         bio = $$Bio ${all}$$ WHERE email = '${organizer}'`);
  const slug = `xss-${tag.toLowerCase()}`;
  const id = sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, description_md, status, starts_at, ends_at,
                    city, venue_name, address_line, postal_code, latitude, longitude, free_food, free_food_details, published_at,
                    cover_image_alt, registration_questions, capacity)
                  SELECT '${slug}', u.id, c.id, $$XSS ${payloads.script}$$, $$Résumé ${payloads.img}$$,
                         $$# Titre ${payloads.svg}\n\n${all}\n\n[cliquez](javascript:${RUN}) <a href="javascript:${RUN}">lien</a>\n\n<iframe src="javascript:${RUN}"></iframe>$$,
                         'published', now() + interval '2 days', now() + interval '2 days 2 hours', 'Lyon',
                         $$Salle ${payloads.quote}$$, $$1 rue ${payloads.img}$$, '69001', 45.76, 4.83, true,
                         $$Tartes ${payloads.script}$$, now(), $$Alt ${payloads.quote}$$,
                         jsonb_build_array(jsonb_build_object('label', $$Question ${payloads.img}$$)), 50
                  FROM users u, categories c WHERE u.email = '${organizer}' AND c.slug = 'networking' RETURNING id`);
  // A registration with a payload as name and answer, and a report with one as text.
  sql(`WITH p AS (INSERT INTO event_participants (event_id, email, full_name, seats, answers)
                  VALUES (${id}, 'xss-${tag}@exemple.fr', $$Nom ${payloads.svg}$$, 1, jsonb_build_object('0', $$Réponse ${payloads.script}$$))
                  RETURNING id)
       INSERT INTO tickets (code, event_id, participant_id, attendee_name)
       SELECT 'xssTicket${tag}', ${id}, id, $$Nom ${payloads.svg}$$ FROM p`);
  sql(`UPDATE events SET seats_taken = 1 WHERE id = ${id}`);
  sql(`INSERT INTO reports (event_id, reporter_email, reason, details) VALUES (${id}, 'r-${tag}@exemple.fr', 'other', $$Signalement ${all}$$)`);

  // Public pages.
  for (const path of [`/events/${slug}`, '/events?q=XSS', '/events?view=list&city=Lyon', '/events?view=map&q=XSS', '/',
    `/organizers/${slug}`, '/search?q=XSS', `/search?q=${encodeURIComponent(payloads.script)}`,
    `/events?q=${encodeURIComponent(payloads.img)}`, `/tickets/xssTicket${tag}`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await inert(page, path);
  }
  // The text is shown, as text.
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(payloads.script);

  // A guest registers with a payload as name: the confirmation mail carries it as text.
  const guest = `xss-guest-${tag}@exemple.fr`;
  await live(page, '.register-box form');
  await page.getByLabel('Nom complet').fill(`Invité ${payloads.img}`.slice(0, 100));
  await page.locator('#field-email').fill(guest);
  await page.getByLabel(/^Question/).fill(payloads.script);
  await page.locator('#field-consent').check();
  await page.getByRole('button', { name: 'Réserver ma place' }).click();
  await expect(page).toHaveURL(/\/tickets\/[A-Za-z0-9_-]{22}$/);
  await inert(page, 'the ticket page after registering');
  let mail = '';
  await expect.poll(() => (mail = sentMails().find((m) => m.toLowerCase().includes(guest)) ?? ''), { timeout: 20_000 }).not.toBe('');
  const text = decodedText(mail);
  // The plain-text part carries the words as typed (text is never rendered); the HTML part escapes them.
  const html = text.slice(text.indexOf('<!DOCTYPE'), text.lastIndexOf('</html>') + 7);
  expect(html.length).toBeGreaterThan(100);
  expect(html).not.toMatch(/<script>window\.__xss|<img src=x|<svg onload/);
  expect(html).toContain('XSS &lt;script&gt;');
  // The mail's HTML, opened as a page, runs nothing either.
  const mailPage = await browser.newPage();
  await mailPage.setContent(html);
  await inert(mailPage, 'the confirmation mail');
  await mailPage.close();

  // The organizer's pages.
  const organizerPage = await browser.newPage();
  await signIn(organizerPage, organizer, DEMO_PASSWORD);
  for (const path of ['/dashboard', '/organizer/events', `/organizer/events/${id}/participants`, `/organizer/events/${id}/checkin`,
    `/organizer/events/${id}/stats`, `/organizer/events/${id}/edit`, `/organizer/events/${id}/preview`, '/account/public', '/account']) {
    await organizerPage.goto(path);
    await organizerPage.waitForLoadState('networkidle');
    await inert(organizerPage, path);
  }
  await organizerPage.close();

  // The back-office.
  await signInStaff(page, 'admin', `${testInfo.project.name}-xss`);
  const user = sql(`SELECT id FROM users WHERE email = '${organizer}'`);
  for (const path of ['/admin/reports', `/admin/moderation/${id}`, `/admin/events/${id}`, `/admin/users/${user}`, '/admin/events',
    `/admin/tickets?event=${id}`, '/admin/users']) {
    await page.goto(path);
    await inert(page, path);
  }
});
