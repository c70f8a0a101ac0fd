import { mkdirSync } from "node:fs";
import { expect } from "vitest";
import type { Page } from "playwright-core";

export const SCREENSHOT_DIR = "test-results/e2e";
export const MIN_TAP_TARGET_PX = 44;

export interface SmallTarget {
  element: string;
  height: number;
}

/** Every visible control (link, button, field) that is shorter than a thumb. */
export function smallTapTargets(page: Page): Promise<SmallTarget[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]',
    );
    const small: { element: string; height: number }[] = [];
    for (const el of Array.from(controls)) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const visible =
        box.width > 0 &&
        box.height > 0 &&
        style.visibility !== "hidden" &&
        style.display !== "none";
      if (visible && box.height < min - 0.01) {
        const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
        small.push({ element: `<${el.tagName.toLowerCase()}> ${name}`, height: box.height });
      }
    }
    return small;
  }, MIN_TAP_TARGET_PX);
}

export function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

const counters = new Map<string, number>();

/**
 * The checks every screen must pass (no sideways scrolling, tap targets of at least 44 px),
 * then a numbered full-page screenshot (`<prefix>NN-<step>.png`, numbered per prefix). Returns
 * the screenshot path.
 */
export async function checkScreen(page: Page, step: string, prefix = ""): Promise<string> {
  // Let transitions and late renders settle before measuring.
  await page.waitForLoadState("networkidle").catch(() => {});
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${step}: page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  expect(await smallTapTargets(page), `${step}: tap targets under ${MIN_TAP_TARGET_PX} px`).toEqual(
    [],
  );
  const counter = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, counter);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${prefix}${String(counter).padStart(2, "0")}-${step}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
