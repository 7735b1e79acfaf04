/** Names of downloaded export files. */

/** Letters, digits, space, dash and underscore only; runs of anything else become one space. */
export function sanitizeFileStem(name: string, fallback = 'plan'): string {
  const clean = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return clean === '' ? fallback : clean;
}

/** `<plan name> scripts <timestamp>.zip` */
export function zipFileName(planName: string, timestamp: string): string {
  return `${sanitizeFileStem(planName)} scripts ${timestamp}.zip`;
}
