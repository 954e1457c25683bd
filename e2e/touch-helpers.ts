/**
 * Real touch input for the end-to-end tests: touches sent through the DevTools protocol
 * (`Input.dispatchTouchEvent`) enter Chromium as a touchscreen's would, so the page gets the
 * pointer events of type "touch" that Chromium makes of them, and Chromium's own gesture handling
 * applies (a touch that the element's touch-action lets the browser pan scrolls, and the page gets
 * a pointercancel). A PointerEvent dispatched from the page would skip all of that.
 * The context needs `hasTouch: true`.
 */
import type { CDPSession, Locator, Page } from '@playwright/test';

export interface Point {
  x: number;
  y: number;
}

/** The centre of an element, in the viewport's CSS pixels. */
export async function centre(locator: Locator): Promise<Point> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${String(locator)} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** One finger on the touchscreen. */
export class Finger {
  private at: Point | null = null;

  private constructor(private readonly cdp: CDPSession) {}

  static async on(page: Page): Promise<Finger> {
    return new Finger(await page.context().newCDPSession(page));
  }

  /** Puts the finger down. */
  async down(point: Point) {
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ ...point, id: 1 }] });
    this.at = point;
  }

  /** Slides the finger to `point` in `steps` equal moves (each one a touchmove, as a real finger's). */
  async move(point: Point, steps = 10) {
    const from = this.at;
    if (!from) throw new Error('The finger is not down');
    for (let i = 1; i <= steps; i++) {
      const p = { x: from.x + ((point.x - from.x) * i) / steps, y: from.y + ((point.y - from.y) * i) / steps };
      await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ ...p, id: 1 }] });
    }
    this.at = point;
  }

  /** Lifts the finger. */
  async up() {
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    this.at = null;
  }
}

/**
 * Starts recording, in the page, every pointer event's type and pointerType (capture phase, on the
 * window), and what dnd-kit's live region says: `recorded(page)` reads them back.
 */
export async function recordPointerAndSpeech(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __touchLog: { pointers: string[]; speech: string[] } };
    w.__touchLog = { pointers: [], speech: [] };
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel']) {
      window.addEventListener(type, (e) => w.__touchLog.pointers.push(`${e.type}:${(e as PointerEvent).pointerType}`), true);
    }
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[id^="DndLiveRegion"]')) {
        const text = region.textContent ?? '';
        if (text && w.__touchLog.speech.at(-1) !== text) w.__touchLog.speech.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export async function recorded(page: Page): Promise<{ pointers: string[]; speech: string[] }> {
  return page.evaluate(() => (window as unknown as { __touchLog: { pointers: string[]; speech: string[] } }).__touchLog);
}
