// Conduit's admin in headless Chromium: sign in, create an article, find it, fail then succeed
// to edit it, delete it, and keep a screenshot of the list page.
// Usage: node admin-browser.mjs BASE_URL EMAIL PASSWORD AUTHOR_ID SCREENSHOT
// (run from a folder where playwright-core is installed)
import { chromium } from "playwright-core";

const [base, email, password, authorId, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const timeout = 20000;
const slug = "browser-made-" + Date.now().toString(36);
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);

  await page.goto(base + "/admin/article"); // anonymous: sent to the login page
  await page.waitForURL(/\/login\?next=/);
  await page.fill("#email", email);
  await page.fill("#password", password);
  const [answer] = await Promise.all([page.waitForNavigation(), page.click("button")]);
  if (!page.url().endsWith("/admin/article")) {
    throw new Error("login: " + answer.status() + " " + page.url() + "\n" + (await page.content()));
  }
  console.log("login: back on " + new URL(page.url()).pathname);

  await page.click("a.button"); // Add
  await page.waitForURL(/\/admin\/article\/new$/);
  await page.fill("#f-slug", slug);
  await page.fill("#f-title", "Made in a browser");
  await page.fill("#f-description", "By the admin's browser test");
  await page.fill("#f-body", "Written through the admin's form.");
  await page.selectOption("#f-authorId", authorId); // a relation: a select of the users
  await Promise.all([page.waitForURL(/\/admin\/article\/\d+\?saved$/), page.click("p.actions button")]);
  await page.locator("p.notice", { hasText: "Saved." }).waitFor();
  console.log("create: saved");

  await page.goto(base + "/admin/article");
  await page.locator("tbody tr", { hasText: "Made in a browser" }).waitFor();
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log("list: screenshot " + screenshot);
  await page.fill("input[name=q]", "browser");
  await Promise.all([page.waitForURL(/q=browser/), page.press("input[name=q]", "Enter")]);
  const found = page.locator("tbody tr", { hasText: "Made in a browser" });
  await found.waitFor();
  if ((await page.locator("tbody tr").count()) !== 1) throw new Error("search found other rows");
  console.log("search: one row");

  await Promise.all([page.waitForURL(/\/admin\/article\/\d+$/), found.locator("a").first().click()]);
  await page.fill("#f-slug", "Not A Slug!");
  await page.click("p.actions button");
  const error = page.locator("#e-slug");
  await error.waitFor();
  console.log("edit: refused with '" + (await error.textContent()).trim() + "'");
  await page.fill("#f-slug", slug + "-fixed");
  await page.fill("#f-title", "Made and fixed in a browser");
  const invalid = await page.evaluate(() =>
    [...document.querySelectorAll("form :invalid")].map((e) => e.id + "=" + e.value + ": " + e.validationMessage));
  if (invalid.length > 0) throw new Error("the browser refuses the form: " + invalid.join("; "));
  const [saved] = await Promise.all([page.waitForNavigation(), page.click("p.actions button")]);
  if (!page.url().endsWith("?saved")) {
    throw new Error("edit: " + saved.status() + " " + page.url() + "\n" + (await page.content()));
  }
  await page.locator("p.notice", { hasText: "Saved." }).waitFor();
  if ((await page.inputValue("#f-slug")) !== slug + "-fixed") throw new Error("slug not saved");
  console.log("edit: saved");
  const change = page.locator("table.history tbody tr", { hasText: "Made and fixed in a browser" });
  await change.first().waitFor(); // the audit history: title from "Made in a browser" to the new one
  if (!(await change.first().textContent()).includes("Made in a browser")) throw new Error("history lacks the old title");
  console.log("history: the edit is listed with old and new values");

  await Promise.all([page.waitForURL(/\/delete$/), page.click("a.danger")]);
  await Promise.all([page.waitForURL(base + "/admin/article"), page.click("button.danger")]);
  await page.goto(base + "/admin/article?q=browser");
  await page.locator("tbody", { hasText: "No rows." }).waitFor();
  console.log("delete: gone");
  console.log("OK");
} finally {
  await browser.close();
}
