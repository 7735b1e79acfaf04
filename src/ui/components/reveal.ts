/**
 * Deep links that land: the row of the object a link names (the route's detail) scrolls into view,
 * takes focus and is highlighted (the row carries `class:highlight`). Used as `{@attach reveal(on)}`.
 */
import type { Attachment } from 'svelte/attachments';

export function reveal(on: boolean): Attachment<HTMLElement> {
  return (node) => {
    if (!on) return;
    if (!node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1');
    // After the area's heading took focus (WorkspaceView moves focus on area changes).
    const t = setTimeout(() => {
      node.scrollIntoView({ block: 'nearest' });
      // Someone choosing in a list or typing keeps their focus (a policy picker changes the route too).
      if (!document.activeElement?.closest('select, input, textarea')) node.focus({ preventScroll: true });
    }, 50);
    return () => clearTimeout(t);
  };
}
