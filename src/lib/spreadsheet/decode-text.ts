/**
 * Text files arrive in whatever encoding Excel or PowerShell chose (export-layouts.md): UTF-8 with
 * or without BOM, UTF-16LE/BE with BOM ("Unicode Text", `Export-Csv -Encoding Unicode`), or the
 * ANSI code page (Windows-1252 in Western Europe). Detect, in this order: BOM, strict UTF-8,
 * Windows-1252 (every byte sequence is valid there, so it is the last resort).
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Windows-1252 bytes 0x80–0x9F; the rest of the code page equals Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** UTF-16 without BOM: NUL in every other byte of the first bytes. */
function looksUtf16(bytes: Uint8Array, odd: boolean): boolean {
  const n = Math.min(bytes.length, 400) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  for (let i = odd ? 1 : 0; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros >= (n / 2) * 0.9;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksUtf16(bytes, true)) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (looksUtf16(bytes, false)) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Binary data that is not text: many NUL or other control characters in the first 4,000
 * characters (PNG, PDF, random bytes…).
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4000);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // A NUL counts like any other control character: one in a cell of a real list is that row's
    // problem (read-rows.ts reports it), not a reason to refuse the whole file.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return n > 0 && bad / n > 0.02;
}
