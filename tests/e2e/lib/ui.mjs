// Driving the ImGui app through its registry (ui_query): every widget of the last completed
// frame with {kind, id, label, value, rect, hit, active, visible}, rects in CSS px of the canvas.
// Synchronisation is always "wait until the registry shows X", never a sleep.

const DEFAULT_TIMEOUT = 15000;

// Waits until `predicate(items, arg)` (run in the page) returns something truthy, and returns it.
export async function waitUi(page, predicate, arg = null, timeout = DEFAULT_TIMEOUT) {
  // The predicate is compiled once per wait by the DevTools protocol, not by eval() in the page:
  // the app's Content-Security-Policy forbids eval (and Chromium enforces that on pages a
  // service worker answers), then called on every animation frame.
  const probe = ([compiled, args]) => {
    const frame = window.__ui();
    if (!frame) return null;
    return compiled(frame.items, args);
  };
  try {
    const compiled = await page.evaluateHandle(`(${predicate.toString()})`);
    const handle = await page.waitForFunction(probe, [compiled, arg], { timeout, polling: 'raf' });
    compiled.dispose().catch(() => {});
    return handle.jsonValue();
  } catch (error) {
    const frame = await page.evaluate(() => window.__ui && window.__ui()).catch(() => null);
    const ids = frame ? frame.items.map((i) => `${i.kind}:${i.id}=${JSON.stringify(i.value)}`).slice(0, 80).join('\n  ') : 'no frame';
    throw new Error(`${error.message}\nwaiting for: ${predicate.toString()} ${JSON.stringify(arg)}\nlast frame:\n  ${ids}`);
  }
}

// The widget with this id once it is visible (scrolled into view when it exists off-screen).
export async function item(page, id, timeout) {
  const found = await waitUi(page, (items, wanted) => items.find((i) => i.id === wanted), id, timeout);
  if (!found.visible && !found.disabled) await scrollIntoView(page, id);
  return waitUi(page, (items, wanted) => items.find((i) => i.id === wanted && i.visible), id, timeout);
}

export const itemValue = (page, id, expected, timeout) =>
  waitUi(page, (items, [wanted, value]) => items.find((i) => i.id === wanted && i.value === value), [id, expected], timeout);

async function centre(page, found) {
  const box = await page.locator('#canvas').boundingBox();
  return { x: box.x + found.hit.x + found.hit.w / 2, y: box.y + found.hit.y + found.hit.h / 2 };
}

// Scrolls (mouse wheel near the widget) until a widget that exists but lies outside its scrolled
// region is visible; each step waits for a later frame, never a fixed time.
async function scrollIntoView(page, id) {
  let found = await waitUi(page, (items, wanted) => items.find((i) => i.id === wanted && !i.disabled), id);
  for (let attempt = 0; !found.visible && attempt < 30; attempt++) {
    const box = await page.locator('#canvas').boundingBox();
    const below = found.rect.y > box.height / 2;
    // Wheel over a visible sibling (the longest id prefix that has one: "dashboard.job.a." then
    // "dashboard.job."): it sits in the same scrolled region, which may be an inner one (a table or
    // a card with its own scrollbar); else near the edge of the canvas.
    const all = await items(page);
    let siblings = [];
    for (let prefix = id.slice(0, id.lastIndexOf('.') + 1); prefix; ) {
      siblings = all.filter((i) => i.visible && i.id.startsWith(prefix) && i.id !== id);
      const shorter = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('.') + 1);
      // Never shorter than two parts ("dashboard.job."): one part ("dashboard.") is the whole screen.
      prefix = siblings.length || shorter.split('.').length < 3 ? '' : shorter;
    }
    const sibling = siblings.length ? siblings[below ? siblings.length - 1 : 0] : null;
    const x = sibling ? sibling.hit.x + sibling.hit.w / 2 : Math.min(Math.max(found.rect.x + 12, 12), box.width - 12);
    const y = sibling ? sibling.hit.y + sibling.hit.h / 2 : (below ? box.height - 48 : 48);
    await page.mouse.move(box.x + x, box.y + y);
    await page.mouse.wheel(0, below ? 240 : -240);
    const frame = await page.evaluate(() => window.__ui().frame);
    found = await waitUi(page, (items, [wanted, after]) => {
      const ui = window.__ui();
      return ui.frame > after + 1 && items.find((i) => i.id === wanted && !i.disabled);
    }, [id, frame]);
  }
  return found;
}

// Clicks (or taps, on touch contexts) the widget with this id once it is visible and enabled,
// scrolling it into view first when it exists off-screen in a scrolled region.
export async function click(page, id, { tap = false } = {}) {
  let found = await scrollIntoView(page, id);
  if (!found.visible) found = await waitUi(page, (items, wanted) => items.find((i) => i.id === wanted && i.visible && !i.disabled), id);
  const point = await centre(page, found);
  if (tap) await page.touchscreen.tap(point.x, point.y);
  else await page.mouse.click(point.x, point.y);
  return found;
}

// Focuses a text field, waits until ImGui reports it active, replaces its text and waits for the value.
export async function fill(page, id, text, { tap = false, masked = false } = {}) {
  await click(page, id, { tap });
  await waitUi(page, (items, wanted) => items.find((i) => i.id === wanted && i.active), id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await itemValue(page, id, '');
  await page.keyboard.type(text);
  await itemValue(page, id, masked ? '*'.repeat(text.length) : text);
}

export const items = async (page) => (await page.evaluate(() => window.__ui())).items;
