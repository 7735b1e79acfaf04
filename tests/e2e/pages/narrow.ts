/** Page model for layout checks on narrow screens; selectors live only here. */
import type { Locator, Page } from 'playwright-core';

export class NarrowPage {
  constructor(private page: Page) {}

  /** Document width against the viewport: more means the whole page scrolls sideways. */
  async pageWidths(): Promise<{ scroll: number; client: number }> {
    return this.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  }

  areaTabs(): Locator {
    return this.page.getByRole('navigation', { name: 'Plan areas' });
  }

  callFlows(): Locator {
    return this.page.getByTestId('callflow-canvas');
  }

  /** Scroll state and the fade a strip shows (scroll-hint.ts). */
  async strip(
    el: Locator,
  ): Promise<{ overflowX: string; scrolls: boolean; moreLeft: string; moreRight: string; mask: string; right: number; parentRight: number }> {
    return el.evaluate((node) => {
      const e = node as HTMLElement;
      const cs = getComputedStyle(e);
      const card = e.closest('.card, section, main') ?? document.body;
      return {
        overflowX: cs.overflowX,
        scrolls: e.scrollWidth > e.clientWidth + 1,
        moreLeft: e.dataset.moreLeft ?? '',
        moreRight: e.dataset.moreRight ?? '',
        mask: cs.maskImage || (cs as unknown as { webkitMaskImage?: string }).webkitMaskImage || '',
        right: e.getBoundingClientRect().right,
        parentRight: card.getBoundingClientRect().right,
      };
    });
  }

  async scrollToEnd(el: Locator) {
    await el.evaluate((node) => {
      node.scrollLeft = node.scrollWidth;
      node.dispatchEvent(new Event('scroll'));
    });
  }

  scrollNote(el: Locator): Locator {
    return el.locator('xpath=following-sibling::p[contains(@class, "scroll-note")]');
  }
}
