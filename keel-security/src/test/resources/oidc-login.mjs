// A real browser login through oidc-provider: headless Debian Chromium driven by playwright-core.
// Usage: node oidc-login.mjs <app url>. Prints one line per step; OidcLoginTest checks them.
import { chromium } from 'playwright-core';

const app = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(15000);

  // 1. the app sends the browser to the provider's login form
  await page.goto(`${app}/login/oidc?return_to=/account`);
  console.log('provider page: ' + new URL(page.url()).pathname.split('/')[1]);
  await page.fill('input[name=login]', 'ann');
  await page.fill('input[name=password]', 'anything');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);

  // 2. the consent page, then back to the app's callback and on to return_to
  await page.click('button[type=submit]');
  await page.waitForURL(`${app}/account`);
  console.log('signed in: ' + (await page.textContent('#who')));
  await page.goto(`${app}/`);
  console.log('home: ' + (await page.textContent('body')));

  // 3. RP-initiated logout: the app's session ends, then the provider's, then back to /bye
  await page.goto(`${app}/account`);
  await page.click('#logout');
  await page.waitForURL((url) => !url.toString().startsWith(app));
  console.log('provider logout page: ' + (await page.title()));
  await page.click('button[name=logout]');
  await page.waitForURL(`${app}/bye`);
  console.log('after logout: ' + (await page.textContent('body')));
  const me = await page.goto(`${app}/me`);
  console.log('me after logout: ' + me.status());

  // 4. the provider's session is gone too: logging in again asks for the password
  await page.goto(`${app}/login/oidc`);
  console.log('login again shows: ' + ((await page.$('input[name=password]')) ? 'password form' : page.url()));
  console.log('OK');
} finally {
  await browser.close();
}
