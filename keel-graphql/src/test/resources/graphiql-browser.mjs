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
  page.on("console", m => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text()); });
  page.on("response", r => { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(r.status() + " " + r.request().method() + " " + r.url() + " " + (r.request().postData() || "").slice(0, 300)); });
  page.on("pageerror", e => problems.push(e.message));
  await page.goto(base + "/graphiql");
  await page.locator(".graphiql-container").waitFor({ timeout: 20000 });
  console.log("loaded: GraphiQL");
  await page.waitForLoadState("networkidle"); // the schema's introspection has answered
  console.log("problems so far: " + problems.join(" | "));
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
