// GraphiQL in headless Chromium: it loads from the app alone (no CDN) and runs a query.
import { chromium } from "playwright-core";

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  const foreign = [];
  const problems = [];
  page.on("request", r => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) foreign.push(r.url()); });
  page.on("console", m => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", e => problems.push(e.message));
  await page.goto(base + "/graphiql");
  await page.locator(".graphiql-container").waitFor({ timeout: 20000 });
  console.log("loaded: GraphiQL");
  await page.locator(".graphiql-execute-button").click();
  await page.locator(".result-window", { hasText: "__typename" }).waitFor({ timeout: 20000 });
  const result = await page.locator(".result-window").innerText();
  console.log("result: " + (result.includes('"Query"') ? "Query" : result));
  console.log("foreign requests: " + foreign.length + " " + foreign.join(" "));
  console.log("errors: " + problems.length + " " + problems.join(" | "));
  console.log("OK");
} finally {
  await browser.close();
}
