/**
 * An attachment for horizontally scrolling strips (the area tabs on narrow screens, call-flow
 * diagrams): it marks the element with `data-overflows`, `data-more-left` and `data-more-right`,
 * so CSS (styles.css, `.scroll-x`) can fade the edge where more content waits and show a hint.
 * Without such a cue a cut-off row of tabs looks like all there is.
 */
import type { Attachment } from 'svelte/attachments';

export function scrollHint(): Attachment<HTMLElement> {
  return (el) => {
    const update = () => {
      const max = el.scrollWidth - el.clientWidth;
      const overflows = max > 1;
      el.dataset.overflows = String(overflows);
      el.dataset.moreLeft = String(overflows && el.scrollLeft > 1);
      el.dataset.moreRight = String(overflows && el.scrollLeft < max - 1);
    };
    update();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    ro?.observe(el);
    for (const child of el.children) ro?.observe(child);
    el.addEventListener('scroll', update, { passive: true });
    return () => {
      ro?.disconnect();
      el.removeEventListener('scroll', update);
    };
  };
}
