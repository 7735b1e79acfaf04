/**
 * The bytes of a generated file: UTF-8 **with** BOM and CRLF line ends. Windows PowerShell 5.1
 * reads BOM-less files in the ANSI code page and would mangle names such as "José"
 * (architecture.md, house style).
 */

const BOM = [0xef, 0xbb, 0xbf];

/** Turn LF (or CRLF) line ends into CRLF. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * A piece of text shared by several files (the users of a 100,000-user plan appear in three),
 * encoded once.
 */
export class SharedText {
  private encoded: Uint8Array | null = null;
  constructor(readonly text: string) {}
  get bytes(): Uint8Array {
    this.encoded ??= new TextEncoder().encode(this.text);
    return this.encoded;
  }
}

export type Segment = string | SharedText;

/** UTF-8 BOM followed by the UTF-8 encoding of the segments (which must already use CRLF). */
export function segmentsToBytes(segments: readonly Segment[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts = segments.map((s) => (typeof s === 'string' ? encoder.encode(s) : s.bytes));
  let length = BOM.length;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  out.set(BOM, 0);
  let at = BOM.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** UTF-8 BOM followed by the UTF-8 encoding of `text` (which must already use CRLF). */
export function toScriptBytes(text: string): Uint8Array {
  return segmentsToBytes([text]);
}
