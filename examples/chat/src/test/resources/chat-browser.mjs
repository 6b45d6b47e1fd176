// Two Chromium pages join the same room; one sends, the other sees the message and the presence.
// Usage: node chat-browser.mjs BASE_URL   (run from a folder where playwright-core is installed)
import { chromium } from "playwright-core";

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const timeout = 20000;
try {
  const ann = await browser.newPage();
  const bob = await browser.newPage();
  await ann.goto(base + "/?room=lobby&name=Ann");
  await bob.goto(base + "/?room=lobby&name=Bob");
  await ann.locator("#members li", { hasText: "Bob" }).waitFor({ timeout });
  await bob.locator("#members li", { hasText: "Ann" }).waitFor({ timeout });
  console.log("presence: both see each other");

  await bob.fill("#text", "hello from Bob");
  await bob.click("#send");
  await ann.locator("#messages li", { hasText: "Bob: hello from Bob" }).waitFor({ timeout });
  console.log("message: Ann sees Bob's message");

  await bob.close(); // Bob's tab goes away
  await ann.waitForFunction(
    () => !document.getElementById("members").textContent.includes("Bob"), null, { timeout });
  console.log("presence: Bob left");
  console.log("OK");
} finally {
  await browser.close();
}
