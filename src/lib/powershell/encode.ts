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
 * encoded once. It is held as consecutive pieces (a few hundred KB each): encoding them one by one
 * needs no 25 MB string, which is only built if `text` is read.
 */
export class SharedText {
  private encoded: Uint8Array | null = null;
  private joined: string | null = null;
  constructor(private readonly pieces: readonly string[]) {}

  get text(): string {
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  get bytes(): Uint8Array {
    this.encoded ??= encodePieces(this.pieces);
    return this.encoded;
  }
}

/**
 * UTF-8 of the concatenated pieces (none may end inside a surrogate pair). The buffer starts at one
 * byte per UTF-16 unit, exact for ASCII (plan data mostly is), and grows only when it must.
 */
function encodePieces(pieces: readonly string[]): Uint8Array {
  const encoder = new TextEncoder();
  let units = 0;
  for (const p of pieces) units += p.length;
  let out = new Uint8Array(units);
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i]!;
    for (;;) {
      const { read, written } = encoder.encodeInto(piece, out.subarray(at));
      at += written;
      if (read === piece.length) break;
      // Not enough room (non-ASCII text): grow by what the rest could need at most, then go on.
      piece = piece.substring(read);
      let rest = piece.length * 3;
      for (let j = i + 1; j < pieces.length; j++) rest += pieces[j]!.length * 3;
      const bigger = new Uint8Array(at + rest);
      bigger.set(out.subarray(0, at));
      out = bigger;
    }
  }
  return at === out.length ? out : out.slice(0, at);
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
