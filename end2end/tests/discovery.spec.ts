// The catalogue with JavaScript (results in place, history, pager, near me), its map, the home page's
// sections and organizer pages — on the phone and the desktop viewports.
import { expect, test, type Page } from '@playwright/test';

const FIXTURE = 'Apéro des testeurs de bout en bout';

/** Waits until the catalogue's island has taken over the form. */
async function live(page: Page) {
  await expect(page.locator('#catalogue-filters[data-live="true"]')).toBeAttached();
}

/** Markers on the map: visible pins plus the events counted inside clusters. */
async function markersShown(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pins = document.querySelectorAll('.leaflet-marker-icon.map-pin').length;
    const clustered = [...document.querySelectorAll('.leaflet-marker-icon.map-cluster span[aria-hidden]')]
      .reduce((sum, span) => sum + Number(span.textContent), 0);
    return pins + clustered;
  });
}

test('results follow the filters in place; the URL, reload, back and forward agree', async ({ page }) => {
  await page.goto('/events');
  await live(page);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const search = page.getByLabel('Rechercher');
  await search.pressSequentially('testeurs bout', { delay: 30 });
  await expect(page).toHaveURL(/\/events\?q=testeurs%20bout$/);
  await expect(page.locator('#catalogue-count')).toHaveText('1 événement');
  await expect(page.locator('#catalogue-results')).toContainText(FIXTURE);
  await expect(search).toBeFocused();
  await page.getByLabel('Tarif').selectOption('paid');
  await expect(page).toHaveURL(/q=testeurs%20bout&price=paid/);
  await expect(page.getByText('Aucun événement ne correspond')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  await page.goBack();
  await expect(page).toHaveURL(/\/events\?q=testeurs%20bout$/);
  await expect(page.locator('#catalogue-results')).toContainText(FIXTURE);
  await expect(page.getByLabel('Tarif')).toHaveValue('');
  await page.goForward();
  await expect(page.getByText('Aucun événement ne correspond')).toBeVisible();
  await expect(page.getByLabel('Tarif')).toHaveValue('paid');
  await page.reload();
  await expect(page.getByText('Aucun événement ne correspond')).toBeVisible();
});

test('the pager loads the next results in place and works with the keyboard', async ({ page }) => {
  await page.goto('/events');
  await live(page);
  const first = await page.locator('#catalogue-results .event-card-title').first().textContent();
  const next = page.getByRole('link', { name: 'Suivants' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator('#catalogue-count')).toBeFocused();
  await expect(page.locator('.pager')).toContainText('Page 2');
  await expect(page.locator('#catalogue-results .event-card-title').first()).not.toHaveText(first ?? '');
  await page.goBack();
  await expect(page.locator('.pager')).toContainText('Page 1');
});

test('grid, list and map views are links that keep the filters', async ({ page }) => {
  await page.goto('/events?freefood=1');
  await page.getByRole('link', { name: 'Liste' }).click();
  await expect(page).toHaveURL(/freefood=1&view=list/);
  await expect(page.locator('#catalogue-results .event-list .event-card').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Liste' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'Carte' }).click();
  await expect(page).toHaveURL(/freefood=1&view=map/);
  await expect(page.locator('[data-catalogue-map]')).toBeVisible();
});

test('the map shows exactly the filtered events, FreeFood in mint, and a marker opens a card', async ({ page }) => {
  await page.goto('/events?view=map');
  await live(page);
  const map = page.locator('[data-catalogue-map]');
  await expect(map).toHaveAttribute('data-markers', /\d+/);
  const listed = await page.locator('#catalogue-results [data-lat]').count();
  expect(listed).toBeGreaterThan(10);
  await expect(map).toHaveAttribute('data-markers', String(listed));
  // Clusters animate when they split or merge: count once the map has settled.
  await expect.poll(() => markersShown(page)).toBe(listed);
  await expect(page.locator('.map-cluster').first()).toBeVisible();

  // FreeFood only: the list and the map change together, in place.
  await page.getByLabel('FreeFood uniquement').check();
  await expect(page).toHaveURL(/freefood=1&view=map/);
  const freefood = page.locator('#catalogue-results [data-lat][data-freefood]');
  await expect(page.locator('#catalogue-results [data-lat]:not([data-freefood])')).toHaveCount(0);
  const count = await freefood.count();
  await expect(map).toHaveAttribute('data-markers', String(count));
  await expect.poll(() => markersShown(page)).toBe(count);
  await expect(page.locator('.leaflet-marker-icon.map-pin:not(.map-pin-freefood)')).toHaveCount(0);

  // One event: one mint pin; a tap opens its card with the title, date, badge and link.
  await page.getByLabel('Rechercher').fill('testeurs bout');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(map).toHaveAttribute('data-markers', '1');
  const pin = page.locator('.leaflet-marker-icon.map-pin-freefood');
  await expect(pin).toHaveCount(1);
  await pin.click();
  const card = page.locator('.leaflet-popup .map-card');
  await expect(card.getByRole('link', { name: FIXTURE })).toHaveAttribute('href', '/events/apero-des-testeurs-e2e');
  await expect(card.locator('.badge-freefood')).toHaveText('FreeFood');
});

test("the event page's map shows its one pin, mint for FreeFood, drawn by CSS, and sharp tiles on dense screens", async ({ page }) => {
  await page.goto('/events/apero-des-testeurs-e2e');
  const map = page.locator('[data-event-map]');
  await expect(map).toHaveAttribute('data-freefood', '');
  await expect(map.locator('.leaflet-marker-icon.map-pin.map-pin-freefood')).toHaveCount(1);
  // The pin's name for screen readers is the map's own ("Carte du lieu — <venue>").
  await expect(map.locator('.leaflet-marker-icon.map-pin')).toHaveAttribute('title', (await map.getAttribute('data-label'))!);
  await expect(map.locator('img.leaflet-marker-icon, .leaflet-marker-shadow')).toHaveCount(0);
  // The map's box is there from the first paint: Leaflet filling it moves nothing below it.
  const shifts = await page.evaluate(() => new Promise<number>((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0)))
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(0), 1000);
  }));
  expect(shifts).toBeLessThan(0.01);
  // Tiles stay sharp on a high-density screen (the phone, 2×): 256-pixel images drawn at 128 CSS pixels.
  const density = await page.evaluate(() => window.devicePixelRatio);
  const tile = map.locator('img.leaflet-tile-loaded').first();
  await expect(tile).toBeVisible();
  expect(await tile.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.width])).toEqual([256, density > 1 ? 128 : 256]);
});

test('panning offers "search this area", which filters on the visible area', async ({ page }) => {
  const button = page.getByRole('button', { name: 'Rechercher dans cette zone' });
  // Markers are drawn in place: no clustering animation fades or slides them under a first click.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('.leaflet-cluster-anim')) document.documentElement.dataset.clusterAnimated = '';
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  // Opening a card may pan the map: that is not the visitor moving it.
  await page.goto('/events?view=map&q=testeurs');
  await live(page);
  // The map's first draw (and any animation it starts) happens before it says it is live.
  await expect(page.locator('[data-island="catalogue-map"]')).toHaveAttribute('data-live', 'true');
  await expect(page.locator('html')).not.toHaveAttribute('data-cluster-animated');
  await page.locator(`.leaflet-marker-icon[title="${FIXTURE}"]`).click();
  await expect(page.locator('.leaflet-popup')).toBeVisible();
  await expect(button).toBeHidden();
  await page.goto('/events?view=map&city=Lyon');
  await live(page);
  await expect(button).toBeHidden();
  await page.locator('.leaflet-control-zoom-out').click();
  await expect(button).toBeVisible();
  await button.click();
  await expect(page).toHaveURL(/\/events\?lat=45\.\d+&lon=4\.\d+(&radius=\d+)?&view=map$/);
  await expect(page).not.toHaveURL(/city=/);
  await expect(page.locator('#catalogue-results')).toContainText(FIXTURE);
  await expect(page.locator('[data-catalogue-map]')).toHaveAttribute('data-markers', /^[1-9]\d*$/);
  await expect(button).toBeHidden();
});

test.describe('near me', () => {
  test.use({ geolocation: { latitude: 45.7578, longitude: 4.832 }, permissions: ['geolocation'] });

  test('the browser position filters nearest first, and the home page remembers it', async ({ page }) => {
    await page.goto('/events');
    await live(page);
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(page).toHaveURL(/\/events\?lat=45\.7578&lon=4\.8320&sort=nearest$/);
    await expect(page.getByLabel('Trier par')).toHaveValue('nearest');
    await expect(page.locator('#catalogue-results .event-card-meta').first()).toContainText('Lyon');
    await expect(page.getByRole('link', { name: /Oublier la position/ })).toBeVisible();
    await page.getByLabel('Rayon').selectOption('5');
    await expect(page).toHaveURL(/lat=45\.7578&lon=4\.8320&radius=5&sort=nearest$/);

    await page.goto('/');
    const near = page.locator('[data-section="near"]');
    await expect(near.getByRole('heading', { name: 'Près de chez vous' })).toBeVisible();
    await expect(near).toContainText(FIXTURE);

    await page.goto('/events?lat=45.7578&lon=4.8320&sort=nearest');
    await live(page);
    await page.getByRole('link', { name: /Oublier la position/ }).click();
    await expect(page).toHaveURL(/\/events$/);
    await expect(page.getByLabel('Rayon')).toBeDisabled();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('"near me" says it needs JavaScript; the map view still lists the events', async ({ page }) => {
    await page.goto('/events');
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(page.getByText('a besoin de JavaScript')).toBeVisible();
    await page.goto('/events?view=map&freefood=1');
    await expect(page.locator('#catalogue-results [data-lat]').first()).toBeVisible();
    await expect(page.locator('#catalogue-results')).toContainText(FIXTURE);
  });

  test("the event page hides the map it cannot draw and keeps the address", async ({ page }) => {
    await page.goto('/events/apero-des-testeurs-e2e');
    await expect(page.locator('[data-event-map]')).toBeAttached();
    await expect(page.locator('[data-event-map]')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Itinéraire' })).toBeVisible();
  });
});

test('home sections come from real queries, and organizer pages list their events', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-section="freefood-picks"]')).toContainText(FIXTURE);
  await expect(page.locator('[data-section="popular"] .event-card').first()).toBeVisible();
  await expect(page.locator('[data-section="near"]')).toHaveCount(0);

  await page.goto('/events/apero-des-testeurs-e2e');
  await page.getByRole('link', { name: 'Camille Martin' }).click();
  await expect(page).toHaveURL(/\/organizers\/camille-martin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Camille Martin');
  await expect(page.locator('.organizer-page')).toContainText(FIXTURE);
  const missing = await page.goto('/organizers/personne-inconnue');
  expect(missing?.status()).toBe(404);
});
