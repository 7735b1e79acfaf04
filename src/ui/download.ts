import { sanitizeFileStem } from '../lib/startup.js';

/** Browser downloads: a Blob behind a temporary link. Nothing leaves the machine. */
export function downloadBytes(name: string, bytes: Uint8Array | string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(name: string, text: string, type = 'text/plain'): void {
  downloadBytes(name, text, `${type};charset=utf-8`);
}

/** `2026-11-25 1405` style stamp for file names. */
export function timestampForFile(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}${p(d.getMinutes())}`;
}

/**
 * The one way a plan name becomes part of a download's file name (backup, workbook, CSV, zip):
 * letters, digits, spaces, "-" and "_" only.
 */
export function planFileStem(planName: string): string {
  return sanitizeFileStem(planName);
}
