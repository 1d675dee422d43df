// Render OpenAPI documents with the real Swagger UI in headless Chromium and save the text a
// person gets by selecting the whole page and copying it: the round-trip test data of the
// Swagger UI importer (tests/specs/importers/test_swagger_ui_roundtrip.py).
//
//   npm install --prefix /tmp/swui swagger-ui-dist playwright-core
//   apt-get install -y chromium
//   node render.mjs /tmp/swui/node_modules sources/*.json sources/*.yaml
//
// Each SOURCE becomes two texts under rendered/ beside this script: <stem>.txt, the page's
// innerText (the form of specs/sources/imagine.swagger-ui.txt: table cells tab-separated, the
// links cell on its own `\tNo links` line), and <stem>.copied.txt, what Chromium's own select
// all (Ctrl+A) and copy (Ctrl+C) put on the clipboard (cells without the tab, selected options
// only). Everything is served from 127.0.0.1 and every other request is refused.

import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [modules, ...sources] = process.argv.slice(2);
if (!modules || sources.length === 0) {
  console.error("usage: node render.mjs NODE_MODULES SOURCE...");
  process.exit(2);
}
const { chromium } = await import(join(modules, "playwright-core", "index.mjs"));
const dist = join(modules, "swagger-ui-dist");
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "rendered");
mkdirSync(out, { recursive: true });

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({
  url: "/spec", dom_id: "#ui", docExpansion: "full", defaultModelsExpandDepth: 1,
  validatorUrl: null, deepLinking: false,
  onComplete: () => { window.rendered = true; },
});
</script></body></html>`;

let spec = { type: "application/json", body: "" };
const server = createServer((request, response) => {
  const path = new URL(request.url, "http://127.0.0.1").pathname;
  const files = { "/swagger-ui.css": "text/css", "/swagger-ui-bundle.js": "text/javascript; charset=utf-8" };
  if (path === "/") {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
  } else if (path === "/spec") {
    response.writeHead(200, { "content-type": spec.type }).end(spec.body);
  } else if (files[path]) {
    response.writeHead(200, { "content-type": files[path] });
    response.end(readFileSync(join(dist, path.slice(1))));
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const origin = `http://127.0.0.1:${server.address().port}`;

const profile = mkdtempSync(join(tmpdir(), "swui-profile-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1280, height: 900 },
});
await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
await context.route("**/*", (route) =>
  route.request().url().startsWith(origin) ? route.continue() : route.abort(),
);

// What a person does before copying: open every operation docExpansion left shut, and every
// model (nested ones open only once their parent is; an OpenAPI 3.1 model by its "Expand
// all" button), until nothing is collapsed.
async function expandAll(page) {
  for (let round = 0; round < 50; round += 1) {
    const clicked = await page.evaluate(() => {
      const shut = [
        ...document.querySelectorAll(".opblock:not(.is-open) .opblock-summary-control"),
        ...document.querySelectorAll(".models:not(.is-open) > h4 button"),
        ...document.querySelectorAll(".model-box .model-toggle.collapsed"),
        ...document.querySelectorAll(".model-container > .model-box-control[aria-expanded=false]"),
        ...[...document.querySelectorAll(".json-schema-2020-12-expand-deep-button")].filter(
          (button) => button.textContent === "Expand all",
        ),
        ...[...document.querySelectorAll(".json-schema-2020-12-accordion")].filter((button) =>
          button.querySelector(".json-schema-2020-12-accordion__icon--collapsed"),
        ),
      ];
      shut.forEach((control) => control.click());
      return shut.length;
    });
    if (clicked === 0) return;
    await page.waitForTimeout(100);
  }
}

for (const source of sources) {
  const yaml = [".yaml", ".yml"].includes(extname(source));
  spec = { type: yaml ? "application/yaml" : "application/json", body: readFileSync(source) };
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`${source}: ${error.message}`));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.rendered === true);
  await page.waitForSelector(".opblock");
  await expandAll(page);
  const text = await page.evaluate(() => document.body.innerText);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+C");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const stem = join(out, basename(source, extname(source)));
  for (const [target, content] of [[`${stem}.txt`, text], [`${stem}.copied.txt`, copied]]) {
    writeFileSync(target, content.endsWith("\n") ? content : `${content}\n`);
    console.log(`${source} -> ${target} (${content.length} characters)`);
  }
  await page.close();
}

await context.close();
rmSync(profile, { recursive: true, force: true });
server.close();
