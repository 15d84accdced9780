// Debian's Chromium through playwright-core (never a downloaded browser), with the flags
// TOOLCHAIN.md proved for WebGL2 in headless mode on these machines.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Software GL draws every device pixel: the long flows run at 1x, one screen is checked at 2x.
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
export const DESKTOP_HIDPI = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

// A page with the registry accessor installed and console errors collected (page.kimonetLogs).
// The contexts openApp made that are still open: a case that fails midway (a renderer crash) leaves
// its contexts behind, and the harness closes those (and only those: a page a case keeps for the
// next one stays) before it runs the case again.
const openContexts = new Set();

export const contextsOpenNow = () => new Set(openContexts);

export async function closeContextsOpenedSince(before) {
  const opened = [...openContexts].filter((context) => !before.has(context));
  await Promise.all(opened.map((context) => context.close().catch(() => {})));
}

// `beforeLoad`: a script run in the page before the app's own (a test's recorder).
export async function openApp(browser, url, contextOptions, beforeLoad = null) {
  const context = await browser.newContext(contextOptions);
  if (beforeLoad) await context.addInitScript(beforeLoad);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  await context.addInitScript(() => {
    // Parsed once per frame: waits poll on every animation frame, and between two frames the
    // registry cannot have changed (ui_frame_count moves when a frame completes).
    let parsedFrame = -1;
    let parsed = null;
    window.__ui = () => {
      if (!(window.Module && Module.calledRun)) return null;
      const frame = Module._ui_frame_count();
      if (frame !== parsedFrame || !parsed) {
        parsed = JSON.parse(Module.ccall('ui_query', 'string', [], []));
        parsedFrame = frame;
      }
      return parsed;
    };
  });
  const page = await context.newPage();
  page.kimonetLogs = [];
  page.on('console', (message) => { if (message.type() === 'error') page.kimonetLogs.push(message.text()); });
  page.on('pageerror', (error) => page.kimonetLogs.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return page;
}
