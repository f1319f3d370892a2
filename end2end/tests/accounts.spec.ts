import { test, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, linkFromMail, live, makeAccount, signIn, sql, totp, uniqueEmail } from './support';

const NEW_PASSWORD = 'grenadine pamplemousse vélo';

/** On phones the account area sits in the collapsed menu. */
async function openMenu(page: Page, isMobile: boolean) {
  if (isMobile) await page.getByRole('button', { name: 'Menu' }).click();
}

test('signup → verification mail → confirm → sign in → sign out', async ({ page, isMobile }, testInfo) => {
  const email = uniqueEmail('inscription', testInfo.project.name);
  await page.goto('/signup');
  await live(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer un compte');

  // Live checks as the person types: a bad address, then a common password.
  const emailField = page.getByLabel('E-mail');
  await emailField.fill('lea@exemple');
  await emailField.blur();
  await expect(page.getByText('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.')).toBeVisible();
  const password = page.getByLabel('Mot de passe', { exact: true });
  await password.fill('motdepasse');
  await password.blur();
  await expect(page.locator('.strength-label')).toHaveText('Solidité : trop faible');
  await expect(page.getByText('Ce mot de passe fait partie des plus courants : choisissez-en un autre.')).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  // Sending keeps the warning: the browser does not send what the server would refuse.
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByText('Ce mot de passe fait partie des plus courants : choisissez-en un autre.')).toBeVisible();
  await expect(page.getByText('Certains champs sont à corriger : voyez les messages sous chacun d’eux.')).toBeVisible();

  await page.getByLabel('Nom complet').fill('Léa Martin');
  await emailField.fill(email);
  await password.fill(NEW_PASSWORD);
  await expect(page.locator('.strength-label')).toHaveText(/Solidité : (bonne|excellente)/);
  await expect(password).not.toHaveAttribute('aria-invalid', 'true');
  // Sending without the terms says so at the box.
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByText('Acceptez les conditions d’utilisation pour créer un compte.')).toBeVisible();
  await page.getByLabel(/J’accepte les/).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page).toHaveURL(/\/signup\/check-email$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre boîte mail');

  // The link in the mail the test SMTP server received.
  const link = await linkFromMail(email, '/verify/');
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
  await expect(page).toHaveURL(/\/login\?verified=1$/);
  await expect(page.getByRole('status')).toHaveText('Merci, votre adresse e-mail est confirmée.');
  expect(sql(`SELECT email_verified_at IS NOT NULL FROM users WHERE email = '${email}'`)).toBe('t');

  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await openMenu(page, isMobile);
  await expect(page.getByRole('link', { name: 'Léa Martin' })).toBeVisible();
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await openMenu(page, isMobile);
  await expect(page.getByRole('link', { name: 'Connexion' })).toBeVisible();
});

test('wrong password, then a reset link that signs the old session out', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('oubli', testInfo.project.name);
  makeAccount(email, 'Tom Oubli');
  await signIn(page, email, 'pas le bon mot de passe');
  await expect(page.getByText('E-mail ou mot de passe incorrect.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  // Another device is signed in with the old password.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, DEMO_PASSWORD);
  await expect(otherPage).toHaveURL(/\/$/);

  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByText(/Si un compte existe pour cette adresse/)).toBeVisible();
  const link = await linkFromMail(email, '/password/reset/');
  await page.goto(link);
  await live(page);
  await page.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByRole('status')).toContainText('tous vos appareils ont été déconnectés');

  await otherPage.goto('/account');
  await expect(otherPage).toHaveURL(/\/login\?next=\/account$/);
  await other.close();
  // The link worked once.
  await page.goto(link);
  await expect(page.getByText(/Ce lien ne fonctionne plus/)).toBeVisible();
  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
});

test('signing another device out from the security page ends its session', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('appareils', testInfo.project.name);
  makeAccount(email, 'Inès Appareils');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, DEMO_PASSWORD);
  await expect(otherPage).toHaveURL(/\/$/);
  await signIn(page, email, DEMO_PASSWORD);
  await page.goto('/account/security');
  const devices = page.locator('.session');
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: 'cet appareil' })).toHaveCount(1);
  await devices.filter({ hasNotText: 'cet appareil' }).getByRole('button', { name: 'Déconnecter' }).click();
  await expect(page.getByRole('status').first()).toHaveText('L’appareil a été déconnecté.');
  await expect(devices).toHaveCount(1);

  await otherPage.goto('/account/security');
  await expect(otherPage).toHaveURL(/\/login\?next=\/account\/security$/);
  await other.close();
});

test('two-factor sign-in: enrol with an authenticator code, keep the recovery codes, sign in with a code', async ({ page, isMobile }, testInfo) => {
  const email = uniqueEmail('double', testInfo.project.name);
  makeAccount(email, 'Chloé Double');
  await signIn(page, email, DEMO_PASSWORD);
  await page.goto('/account/security');
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  await expect(page.getByRole('img', { name: /QR code à scanner/ })).toBeVisible();
  await live(page, '#two-factor form');
  const secret = (await page.locator('.totp-secret').textContent())!.replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('Code de vérification').fill('000000');
  await page.getByRole('button', { name: 'Activer', exact: true }).click();
  await expect(page.getByText('Ce code ne correspond pas.', { exact: false })).toBeVisible();
  await page.getByLabel('Code de vérification').fill(totp(secret));
  await page.getByRole('button', { name: 'Activer', exact: true }).click();
  await expect(page.getByText('Vos codes de secours')).toBeVisible();
  await expect(page.locator('.code-list li')).toHaveCount(10);
  await expect(page.getByText('La double authentification est active.')).toBeVisible();

  await openMenu(page, isMobile);
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/login\/2fa\?next=/);
  // The next 30-second step's code (the enrolment code cannot be used twice).
  await page.getByLabel('Code de vérification').fill(totp(secret, 1));
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/account/security');
  await expect(page.getByText('La double authentification est active.')).toBeVisible();
  expect(sql(`SELECT action FROM activity_logs l JOIN users u ON u.id = l.target_id WHERE u.email = '${email}' AND action = '2fa_enabled'`)).toBe('2fa_enabled');
});

test('a suspended account cannot sign in and is told why', async ({ page }, testInfo) => {
  const email = uniqueEmail('suspendu', testInfo.project.name);
  makeAccount(email, 'Sam Suspendu');
  sql(`UPDATE users SET status = 'suspended', suspension_reason = 'Annonces trompeuses répétées',
       suspended_until = '2099-01-01' WHERE email = '${email}'`);
  await signIn(page, email, DEMO_PASSWORD);
  const alert = page.getByRole('alert').filter({ hasText: 'Ce compte est suspendu.' });
  await expect(alert).toContainText('Motif : « Annonces trompeuses répétées ».');
  await expect(alert).toContainText('2099');
  await expect(page).toHaveURL(/\/login/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signing up and signing in work as plain forms, with errors at their fields', async ({ page }, testInfo) => {
    await page.goto('/signup');
    await page.getByLabel('Nom complet').fill('Noé Sans Script');
    await page.getByLabel('E-mail').fill('pas-une-adresse');
    await page.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(/J’accepte les/).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page).toHaveURL(/\/signup/);
    await expect(page.getByText('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.')).toBeVisible();

    const email = uniqueEmail('sans-js', testInfo.project.name);
    await page.goto('/signup');
    await page.getByLabel('Nom complet').fill('Noé Sans Script');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(/J’accepte les/).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page).toHaveURL(/\/signup\/check-email$/);
    expect(sql(`SELECT count(*) FROM users WHERE email = '${email}'`)).toBe('1');

    await page.goto('/login');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/account');
    await expect(page.getByText(/pas encore confirmée/)).toBeVisible();
    await page.getByRole('button', { name: 'Renvoyer le lien de confirmation' }).click();
    await expect(page.getByRole('status')).toHaveText('Un nouveau lien vient d’être envoyé.');
  });
});

test('demo staff sign in with the published second-factor key', async ({ page }, testInfo) => {
  // Each viewport its own staff account: a code is accepted once per account.
  const email = testInfo.project.name === 'phone' ? 'admin@meetral.test' : 'moderateur@meetral.test';
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/login\/2fa\?next=/);
  await page.getByLabel('Code de vérification').fill(totp('MEETRALDEMOSTAFFTOTPSECRET234567'));
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/account/security');
  await expect(page.getByText('La double authentification est active.')).toBeVisible();
  await expect(page.getByText('Obligatoire pour les modérateurs et les administrateurs.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Désactiver la double authentification' })).toHaveCount(0);
});
