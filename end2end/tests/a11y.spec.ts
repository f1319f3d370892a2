import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { sql } from './support';
import { adminPages, publicPages, signedInPages, signInOrganizerAt, signInStaff } from './pages';

// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every page (the lists in pages.ts), in both viewports and
// both colour schemes: zero violations.
async function violations(page: Page): Promise<string[]> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.nodes.length}×): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Maps drawn (markers placed) and the page quiet for 300 ms: axe measuring while Leaflet swaps markers for
 *  clusters reports the elements it removed mid-scan (as ":root"). */
async function settled(page: Page) {
  await page.waitForFunction(() => !document.querySelector(
    '[data-event-map]:not([data-map-ready]), [data-map-picker]:not([data-map-ready]), [data-catalogue-map]:not([data-markers])'));
  await page.evaluate(() => new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(done, 300); });
    const done = () => { observer.disconnect(); clearTimeout(cap); resolve(); };
    let quiet = setTimeout(done, 300);
    const cap = setTimeout(done, 5000);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  }));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const path of publicPages) {
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
      for (const path of adminPages()) {
        await page.goto(path);
        await expect(page.locator('.admin-nav')).toBeVisible();
        expect(await violations(page), path).toEqual([]);
      }
    });
    test('no accessibility violations on the signed-in pages', async ({ page }) => {
      test.setTimeout(120_000); // fifteen pages, one sign-in
      const paths = signedInPages();
      await signInOrganizerAt(page, paths[0]);
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator('a.bell')).toBeVisible();
        expect(await violations(page), path).toEqual([]);
      }
    });
  });
}
