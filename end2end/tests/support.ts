// Shared helpers for the browser tests: the e2e database, the mails the test SMTP server received, TOTP.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Meetral-Demo-2026';

/** The e2e server's database (see scripts/e2e-server.sh): same server as E2E_ADMIN_URL. */
function databaseUrl(): string {
  const admin = process.env.E2E_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const [base, query] = admin.split('?');
  const server = base.slice(0, base.lastIndexOf('/'));
  return `${server}/meetral_e2e_${process.env.E2E_PORT || 3100}${query ? `?${query}` : ''}`;
}

export function sql(statement: string): string {
  return execFileSync('psql', [databaseUrl(), '-Atqc', statement], { encoding: 'utf8' }).trim();
}

/** A new account with the demo password (its hash copied from a demo account), verified or not. */
export function makeAccount(email: string, name: string, verified = true): void {
  sql(`INSERT INTO users (email, email_verified_at, password_hash, full_name, terms_accepted_at)
       SELECT '${email}', ${verified ? 'now()' : 'NULL'}, password_hash, '${name}', now()
       FROM users WHERE email = 'participant@meetral.test'`);
}

/** A unique address for this test and viewport. */
export function uniqueEmail(prefix: string, project: string): string {
  return `${prefix}-${project}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@exemple.fr`;
}

/** Raw messages the test SMTP server stored (scripts/e2e-server.sh). */
export function sentMails(): string[] {
  const target = process.env.CARGO_TARGET_DIR || join(__dirname, '..', '..', 'target');
  const folder = join(target, 'e2e-mail', String(process.env.E2E_PORT || 3100));
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(folder, f), 'utf8'));
}

/** The text of every part of a MIME message, with base64 and quoted-printable undone. */
export function decodedText(raw: string): string {
  const chunks: string[] = [];
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split).toLowerCase();
    const body = part.slice(split).trim();
    if (headers.includes('content-transfer-encoding: base64')) {
      chunks.push(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8'));
    } else if (headers.includes('content-transfer-encoding: quoted-printable')) {
      const joined = body.replace(/=\r?\n/g, '');
      chunks.push(Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
    }
  }
  // Plain 7-bit messages have nothing to undo.
  return chunks.length ? chunks.join('\n') : raw;
}

/** Waits for the mail to `to` whose text holds a link to `pathPrefix`, and answers that link's path. */
export async function linkFromMail(to: string, pathPrefix: string): Promise<string> {
  let found = '';
  await expect
    .poll(
      () => {
        for (const raw of sentMails()) {
          if (!raw.toLowerCase().includes(to.toLowerCase())) continue;
          const match = decodedText(raw).match(new RegExp(`https?://[^\\s"<>]+(${pathPrefix.replace(/\//g, '\\/')}[A-Za-z0-9_-]+)`));
          if (match) found = match[1];
        }
        return found;
      },
      { timeout: 20_000, message: `a mail to ${to} with a ${pathPrefix} link` },
    )
    .not.toBe('');
  return found;
}

/** The 6-digit TOTP code (RFC 6238, SHA-1, 30 s) of a base32 secret, `stepsAhead` steps from now. */
export function totp(secretBase32: string, stepsAhead = 0): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + stepsAhead));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 15;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/** Waits until the form's island runs in the browser (so typing is checked live). */
export async function live(page: Page, form = 'form.form') {
  await expect(page.locator(form).first()).toHaveAttribute('data-live', 'true');
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await live(page);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  // Waits for the answer and the page it leads to, so the next navigation does not cancel the sign-in.
  const [response] = await Promise.all([
    page.waitForResponse((response) => response.url().includes('/api/fn/login')),
    page.getByRole('button', { name: 'Se connecter' }).click(),
  ]);
  if (response.ok()) await page.waitForURL((url) => url.pathname !== '/login');
}

const STAFF_KEY = 'MEETRALDEMOSTAFFTOTPSECRET234567';

/** A staff account of its own (second factor on, with the demo staff key), signed in. */
export async function signInStaff(page: Page, role: 'moderator' | 'admin', project: string): Promise<string> {
  const email = uniqueEmail(role, project);
  makeAccount(email, role === 'admin' ? 'Alix Admin' : 'Morgane Modératrice');
  sql(`UPDATE users SET role = '${role}', totp_enabled_at = now(),
         totp_secret = (SELECT totp_secret FROM users WHERE email = 'admin@meetral.test')
       WHERE email = '${email}'`);
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/login\/2fa/);
  await page.getByLabel('Code de vérification').fill(totp(STAFF_KEY));
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return email;
}

/** A real PNG (a colour gradient), encoded here so the test needs no fixture file. */
export function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([x % 256, y % 256, 160], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
