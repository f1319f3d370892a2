import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every page of the shell, in both viewports and both
// colour schemes: zero violations.
const pages = ['/', '/events', '/events/apero-des-testeurs-e2e', '/contact', '/faq', '/legal', '/privacy', '/terms', '/page-inconnue'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const path of pages) {
      test(`no accessibility violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const summary = results.violations.map(
          (v) => `${v.id} (${v.nodes.length}×): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`,
        );
        expect(summary).toEqual([]);
      });
    }
  });
}
