import { test, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, sql } from './support';

/** A reminder notification for `email`, as the reminder job writes it. */
function notify(email: string, title: string) {
  sql(`INSERT INTO notifications (user_id, kind, payload, link)
       SELECT id, 'event_reminder', jsonb_build_object('event_title', '${title}'), '/events/apero-des-testeurs-e2e'
       FROM users WHERE email = '${email}'`);
}

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace('?', '\\?')}$`));
}

// Each viewport uses its own demo account, so the two projects can run side by side.
const accountFor = (project: string) => (project === 'phone' ? 'participant@meetral.test' : 'fabrique@meetral.test');

test('the bell counts unread notifications, updates without a reload, and the centre marks them read', async ({ page }, testInfo) => {
  const email = accountFor(testInfo.project.name);
  sql(`DELETE FROM notifications WHERE user_id = (SELECT id FROM users WHERE email = '${email}')`);
  notify(email, 'Atelier céramique');
  notify(email, 'Brunch des voisins');

  // A signed-out visitor is sent to the login page, and comes back after signing in.
  await page.goto('/notifications');
  await expect(page).toHaveURL(/\/login\?next=/);
  await signIn(page, email, '/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const bell = page.locator('a.bell');
  await expect(bell).toBeVisible(); // outside the phone menu: always in sight
  await expect(bell).toHaveAttribute('data-live', 'true');
  await expect(bell).toHaveAttribute('aria-label', 'Notifications (2 non lues)');
  await expect(page.locator('.notification-unread')).toHaveCount(2);
  await expect(page.getByText('Rappel : l’événement approche — Brunch des voisins')).toBeVisible();

  // Something new arrives: the bell shows it without reloading the page.
  notify(email, 'Concert au parc');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(bell.locator('.bell-count')).toHaveText('3');
  await expect(page.locator('.notification')).toHaveCount(2); // the list itself was not reloaded

  await page.reload();
  await page.getByRole('button', { name: 'Marquer comme lu — Concert au parc' }).click();
  await expect(page.locator('.notification-unread')).toHaveCount(2);
  await expect(bell).toHaveAttribute('aria-label', 'Notifications (2 non lues)');
  await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(page.locator('.notification-unread')).toHaveCount(0);
  await expect(bell.locator('.bell-count')).toBeHidden();
  await testInfo.attach('notification centre', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('preferences are saved per type and essential emails cannot be switched off', async ({ page }, testInfo) => {
  const email = accountFor(testInfo.project.name);
  await signIn(page, email, '/account/notifications');
  const reminderEmail = page.getByRole('checkbox', { name: 'E-mail — Rappels avant un événement' });
  await expect(page.getByRole('checkbox', { name: /E-mail — Annulations d’un événement/ })).toBeDisabled();
  await reminderEmail.uncheck();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toHaveText('Préférences enregistrées.');
  await expect(reminderEmail).not.toBeChecked();
  expect(sql(`SELECT by_email FROM notification_preferences p JOIN users u ON u.id = p.user_id
              WHERE u.email = '${email}' AND p.kind = 'event_reminder'`)).toBe('f');
  await reminderEmail.check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(reminderEmail).toBeChecked();

  // Signing out ends the session: the page asks to sign in again.
  if (testInfo.project.name === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.locator('a.bell')).toHaveCount(0);
  await expect(page.locator('a[href="/login"]')).toHaveCount(1);
  await page.goto('/account/notifications');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('a wrong password is refused at the password field, and nothing is lost', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('participant@meetral.test');
  await page.getByLabel('Mot de passe').fill('pas le bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('#field-password-error')).toHaveText('E-mail ou mot de passe incorrect.');
  await expect(page.getByLabel('E-mail')).toHaveValue('participant@meetral.test');
});
