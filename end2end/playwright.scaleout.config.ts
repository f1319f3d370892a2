import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Scale-out (docs/DEPLOYMENT.md): the same browser, two servers sharing one database behind
// HAProxy on E2E_PORT (scripts/e2e-server.sh with E2E_INSTANCES=2). Only scaleout.spec.ts runs here.
export default defineConfig({
  ...base,
  testMatch: /scaleout\.spec\.ts/,
  testIgnore: [],
  webServer: { ...base.webServer, command: 'E2E_INSTANCES=2 ../scripts/e2e-server.sh' } as typeof base.webServer,
});
