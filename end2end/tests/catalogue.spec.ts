// The catalogue's filters live in the URL: a GET form that filters, survives a reload and works without
// JavaScript.
import { expect, test } from '@playwright/test';

const FIXTURE = 'Apéro des testeurs de bout en bout';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('filters go in the URL, and a reload gives the same results', async ({ page }) => {
      await page.goto('/events');
      await expect(page.getByText(FIXTURE)).toBeVisible();
      await page.getByLabel('Rechercher').fill('testeurs');
      await page.getByLabel('Ville').fill('lyon');
      await page.getByLabel('FreeFood uniquement').check();
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await expect(page).toHaveURL(/q=testeurs/);
      await expect(page).toHaveURL(/city=lyon/);
      await expect(page).toHaveURL(/freefood=1/);
      await expect(page.getByText(FIXTURE)).toBeVisible();
      await expect(page.locator('.catalogue-count')).toHaveText('1 événement');
      await page.reload();
      await expect(page.getByLabel('Rechercher')).toHaveValue('testeurs');
      await expect(page.getByLabel('FreeFood uniquement')).toBeChecked();
      await expect(page.locator('.catalogue-count')).toHaveText('1 événement');

      // A filter that excludes it: the empty state offers a way back.
      await page.getByLabel('Tarif').selectOption('paid');
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await expect(page).toHaveURL(/price=paid/);
      await expect(page.getByText('Aucun événement ne correspond')).toBeVisible();
      await page.goBack();
      await expect(page.getByText(FIXTURE)).toBeVisible();
    });
  });
}

test('a URL full of garbage still shows the catalogue with a note', async ({ page }) => {
  await page.goto('/events?when=hier&radius=999999999&lat=45.74&lon=4.81&category=%3Cscript%3E');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('ont été ignorés')).toBeVisible();
  await expect(page.getByText('limité à 200 km')).toBeVisible();
  await expect(page.getByText(FIXTURE)).toBeVisible();
});
