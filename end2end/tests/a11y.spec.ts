import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signInStaff, sql } from './support';

// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every page of the shell, in both viewports and both
// colour schemes: zero violations.
const pages = ['/', '/events', '/events?view=list', '/organizers/camille-martin', '/events/apero-des-testeurs-e2e', '/contact', '/faq', '/legal', '/privacy', '/terms', '/login', '/page-inconnue',
  '/signup', '/signup/check-email', '/password/forgot', '/password/reset/lien-inconnu', '/verify/lien-inconnu', '/login/2fa',
  '/tickets/e2eTicketFixtureCode0001', '/manage/e2eManageFixtureToken0001', '/tickets', '/registration/resent',
  '/search?q=testeurs', '/search?q=zzzz', '/account/deleted'];
// Pages of a signed-in person (the header then shows the bell and the sign-out button).
const fixtureId = () => sql(`SELECT id FROM events WHERE slug = 'apero-des-testeurs-e2e'`);
const signedInPages = ['/notifications', '/account/notifications', '/events', '/account', '/account/security',
  '/organizer/events', '/organizer/events/new', 'fixture-preview', 'fixture-edit', 'fixture-checkin', 'fixture-participants',
  '/dashboard', '/account/public', '/account/data', 'fixture-stats'];

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.nodes.length}×): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`,
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const path of pages) {
      test(`no accessibility violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        expect(await violations(page)).toEqual([]);
      });
    }
    test('no accessibility violations on the catalogue map with its markers and an open card', async ({ page }) => {
      await page.goto('/events?view=map');
      await expect(page.locator('[data-catalogue-map][data-markers]')).toBeAttached();
      await expect(page.locator('.map-cluster').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.goto('/events?view=map&q=testeurs%20bout');
      await page.locator('.leaflet-marker-icon.map-pin').click();
      await expect(page.locator('.leaflet-popup .map-card')).toBeVisible();
      // Leaflet fades the popup in; axe measuring mid-fade sees a paler title than anyone reads.
      await expect(page.locator('.leaflet-popup')).toHaveCSS('opacity', '1');
      expect(await violations(page)).toEqual([]);
    });
    test('no accessibility violations with the header search suggestions open', async ({ page, isMobile }) => {
      await page.goto('/faq');
      await expect(page.locator('.global-search span[hidden]')).toHaveAttribute('data-live', 'true');
      if (isMobile) await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('combobox', { name: /Recherche sur Meetral/ }).fill('testeurs');
      await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
      await page.keyboard.press('ArrowDown');
      expect(await violations(page)).toEqual([]);
    });
    test('no accessibility violations on the back-office pages', async ({ page }, testInfo) => {
      test.setTimeout(120_000); // fifteen pages, one sign-in
      // A long before/after makes its cell scroll: a scrolling region must be reachable by keyboard.
      sql(`INSERT INTO activity_logs (action, target_type, details)
           VALUES ('e2e_long_details', 'platform', jsonb_build_object('before', repeat('avant ', 600)))`);
      await signInStaff(page, 'admin', `${testInfo.project.name}-${scheme}`);
      const id = fixtureId();
      const organizer = sql(`SELECT id FROM users WHERE email = 'organisatrice@meetral.test'`);
      for (const path of ['/admin', '/admin/moderation', '/admin/moderation?order=risk', `/admin/moderation/${id}`, '/admin/reports',
        '/admin/moderation/log', '/admin/users', `/admin/users/${organizer}`, '/admin/events', `/admin/events/${id}`,
        `/admin/tickets?event=${id}`, '/admin/notifications', '/admin/categories', '/admin/settings', '/admin/audit']) {
        await page.goto(path);
        await expect(page.locator('.admin-nav')).toBeVisible();
        expect(await violations(page), path).toEqual([]);
      }
    });
    for (const name of signedInPages) {
      test(`no accessibility violations on ${name} when signed in`, async ({ page }) => {
        const path = name === 'fixture-preview' ? `/organizer/events/${fixtureId()}/preview`
          : name === 'fixture-edit' ? `/organizer/events/${fixtureId()}/edit`
          : name.startsWith('fixture-') ? `/organizer/events/${fixtureId()}/${name.slice('fixture-'.length)}` : name;
        await page.goto(`/login?next=${encodeURIComponent(path)}`);
        await page.getByLabel('E-mail').fill('organisatrice@meetral.test');
        await page.getByLabel('Mot de passe').fill('Meetral-Demo-2026');
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await expect(page).toHaveURL(new RegExp(`${path}$`));
        await expect(page.locator('a.bell')).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}
