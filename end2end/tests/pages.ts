// Every page of the site, for the checks that visit them all (axe in a11y.spec.ts; HTML validity and
// page weight in quality.spec.ts). Fixture ids come from scripts/e2e-server.sh.
import { expect, type Page } from '@playwright/test';
import { signInStaff, sql } from './support';

/** Pages anyone can open, signed out. */
export const publicPages = ['/', '/events', '/events?view=list', '/events?view=map', '/organizers/camille-martin',
  '/events/apero-des-testeurs-e2e', '/contact', '/faq', '/legal', '/privacy', '/terms', '/login', '/page-inconnue',
  '/signup', '/signup/check-email', '/password/forgot', '/password/reset/lien-inconnu', '/verify/lien-inconnu', '/login/2fa',
  '/tickets/e2eTicketFixtureCode0001', '/manage/e2eManageFixtureToken0001', '/tickets', '/registration/resent',
  '/search?q=testeurs', '/search?q=zzzz', '/account/deleted', '/tickets/offer/lien-inconnu', '/invitations/lien-inconnu'];

export const fixtureId = () => sql(`SELECT id FROM events WHERE slug = 'apero-des-testeurs-e2e'`);

/** Pages of a signed-in organizer (the header then shows the bell and the sign-out button). */
export function signedInPages(): string[] {
  const id = fixtureId();
  return ['/notifications', '/account/notifications', '/events', '/account', '/account/security',
    '/organizer/events', '/organizer/events/new', `/organizer/events/${id}/preview`, `/organizer/events/${id}/edit`,
    `/organizer/events/${id}/checkin`, `/organizer/events/${id}/participants`, '/dashboard', '/account/public',
    '/account/data', `/organizer/events/${id}/stats`, '/account/tokens', '/account/webhooks'];
}

/** The back-office, for a staff account. */
export function adminPages(): string[] {
  const id = fixtureId();
  const organizer = sql(`SELECT id FROM users WHERE email = 'organisatrice@meetral.test'`);
  return ['/admin', '/admin/moderation', '/admin/moderation?order=risk', `/admin/moderation/${id}`, '/admin/reports',
    '/admin/moderation/log', '/admin/users', `/admin/users/${organizer}`, '/admin/events', `/admin/events/${id}`,
    `/admin/tickets?event=${id}`, '/admin/notifications', '/admin/categories', '/admin/settings', '/admin/audit'];
}

/** Signs the demo organizer in through the form, landing on `path`. */
export async function signInOrganizerAt(page: Page, path: string) {
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel('E-mail').fill('organisatrice@meetral.test');
  await page.getByLabel('Mot de passe').fill('Meetral-Demo-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

export { signInStaff };
