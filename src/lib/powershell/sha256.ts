/**
 * Synchronous SHA-256 (FIPS 180-4). Web Crypto's `subtle.digest` is asynchronous, and
 * `generateScripts` must stay synchronous, so the generator carries its own small implementation
 * (checked against the FIPS vectors and node:crypto in tests/unit/powershell/sha256.test.ts).
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// The round functions, written out once here and inlined by hand below (a call per round costs
// measurably on 39 MB):
//   Σ1(e) = rotr(e,6) ^ rotr(e,11) ^ rotr(e,25)     Ch(e,f,g)  = g ^ (e & (f ^ g))
//   Σ0(a) = rotr(a,2) ^ rotr(a,13) ^ rotr(a,22)     Maj(a,b,c) = (a & b) | (c & (a | b))
// Each round is  t1 = h + Σ1(e) + Ch(e,f,g) + K[i] + W[i];  d += t1;  h = t1 + Σ0(a) + Maj(a,b,c)
// and then every variable moves one place (h←g←f←e, d←c←b←a). Unrolling eight rounds and rotating
// the *names* instead of moving the values removes the seven moves per round (about 25% faster).

/** Load the 16 big-endian words of the block at `off` into w[0..15]. */
function loadBlock(w: Int32Array, src: Uint8Array, words: Int32Array | null, off: number): void {
  if (words) {
    // Fast path: one 32-bit load and a byte swap per word (data 4-byte aligned, little-endian host).
    for (let i = 0, j = off >>> 2; i < 16; i++, j++) {
      const x = words[j]!;
      w[i] = (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
    }
  } else {
    for (let i = 0, j = off; i < 16; i++, j += 4) {
      w[i] = (src[j]! << 24) | (src[j + 1]! << 16) | (src[j + 2]! << 8) | src[j + 3]!;
    }
  }
}

/** Extend w[0..15] to the 64-word message schedule. */
function expandSchedule(w: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
}

/** Compress the 64-byte blocks of `src` from `off` to `end` into the state `h` (w: scratch). */
function blocks(h: Int32Array, w: Int32Array, src: Uint8Array, off: number, end: number): void {
  let h0 = h[0]!, h1 = h[1]!, h2 = h[2]!, h3 = h[3]!, h4 = h[4]!, h5 = h[5]!, h6 = h[6]!, h7 = h[7]!;
  const words =
    LITTLE_ENDIAN && (src.byteOffset & 3) === 0 ? new Int32Array(src.buffer, src.byteOffset, end >>> 2) : null;
  for (; off < end; off += 64) {
    loadBlock(w, src, words, off);
    expandSchedule(w);
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, k = h7; // k plays "h"
    for (let i = 0; i < 64; i += 8) {
      // Round i: (a,b,c,d,e,f,g,k); round i+1 sees the same values under names shifted by one.
      k = (k + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + K[i]! + w[i]!) | 0;
      d = (d + k) | 0;
      k = (k + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
      g = (g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + K[i + 1]! + w[i + 1]!) | 0;
      c = (c + g) | 0;
      g = (g + (((k >>> 2) | (k << 30)) ^ ((k >>> 13) | (k << 19)) ^ ((k >>> 22) | (k << 10))) + ((k & a) | (b & (k | a)))) | 0;
      f = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + K[i + 2]! + w[i + 2]!) | 0;
      b = (b + f) | 0;
      f = (f + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & k) | (a & (g | k)))) | 0;
      e = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + K[i + 3]! + w[i + 3]!) | 0;
      a = (a + e) | 0;
      e = (e + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (k & (f | g)))) | 0;
      d = (d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + K[i + 4]! + w[i + 4]!) | 0;
      k = (k + d) | 0;
      d = (d + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) | (g & (e | f)))) | 0;
      c = (c + (((k >>> 6) | (k << 26)) ^ ((k >>> 11) | (k << 21)) ^ ((k >>> 25) | (k << 7))) + (b ^ (k & (a ^ b))) + K[i + 5]! + w[i + 5]!) | 0;
      g = (g + c) | 0;
      c = (c + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) | (f & (d | e)))) | 0;
      b = (b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + (a ^ (g & (k ^ a))) + K[i + 6]! + w[i + 6]!) | 0;
      f = (f + b) | 0;
      b = (b + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) | (e & (c | d)))) | 0;
      a = (a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + (k ^ (f & (g ^ k))) + K[i + 7]! + w[i + 7]!) | 0;
      e = (e + a) | 0;
      a = (a + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) | (d & (b | c)))) | 0;
      // After eight rounds every name is back in its place.
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + k) | 0;
  }
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7;
}

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const CHUNK_CHARS = 16_384; // at most 3 UTF-8 bytes per UTF-16 unit: 49,152 bytes
const BUFFER_BYTES = CHUNK_CHARS * 3 + 64;

/**
 * Incremental SHA-256: feed bytes and/or text (hashed as UTF-8) in any pieces, then `digest()`.
 * The result depends only on the concatenated bytes, not on how they were split. Input is gathered
 * in one fixed 48 KB buffer, so hashing a 40 MB text needs neither the whole string nor its bytes.
 */
export class Sha256 {
  private readonly h = new Int32Array(INITIAL);
  private readonly w = new Int32Array(64);
  /** Bytes not yet compressed (always fewer than 64 between calls). */
  private readonly buf = new Uint8Array(BUFFER_BYTES);
  private pending = 0;
  private total = 0;
  private encoder: TextEncoder | null = null;
  /** A high surrogate that ended the previous text piece, held back to pair with the next one. */
  private heldSurrogate = '';
  private done = false;

  /** Add bytes. */
  update(data: Uint8Array): this {
    this.flushSurrogate();
    let at = 0;
    if (this.pending > 0) {
      at = Math.min(data.length, 64 - this.pending);
      this.buf.set(data.subarray(0, at), this.pending);
      this.pending += at;
      this.total += at;
      if (this.pending < 64) return this;
      blocks(this.h, this.w, this.buf, 0, 64);
      this.pending = 0;
    }
    // Whole blocks straight from `data` (a subarray starting at 0 keeps the aligned fast path).
    const body = data.subarray(at);
    const full = body.length & ~63;
    blocks(this.h, this.w, body, 0, full);
    this.buf.set(body.subarray(full), 0);
    this.pending = body.length - full;
    this.total += body.length;
    return this;
  }

  /**
   * Add the UTF-8 encoding of a string (lone surrogates as U+FFFD, like TextEncoder). A surrogate
   * pair split across two calls is encoded as the one character it is, as if the pieces were joined.
   */
  updateText(text: string): this {
    this.assertOpen();
    if (this.heldSurrogate !== '') {
      text = this.heldSurrogate + text;
      this.heldSurrogate = '';
    }
    this.encoder ??= new TextEncoder();
    for (let i = 0; i < text.length; ) {
      let end = Math.min(text.length, i + CHUNK_CHARS);
      const last = text.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        // Never encode half a pair: within the text, leave it for the next chunk; at the very end,
        // hold it until the next piece (or `digest`) shows whether a low surrogate follows.
        if (end === text.length) this.heldSurrogate = text.charAt(end - 1);
        end--;
        if (end === i) break;
      }
      const { written } = this.encoder.encodeInto(text.substring(i, end), this.buf.subarray(this.pending));
      this.compress(written);
      i = end;
    }
    return this;
  }

  /** The 32-byte digest. The hasher cannot be used afterwards. */
  digest(): Uint8Array {
    this.flushSurrogate();
    this.done = true;
    // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian integer.
    const rest = this.pending;
    const tailLen = rest + 9 <= 64 ? 64 : 128;
    const tail = new Uint8Array(tailLen);
    tail.set(this.buf.subarray(0, rest));
    tail[rest] = 0x80;
    const tv = new DataView(tail.buffer);
    tv.setUint32(tailLen - 8, Math.floor(this.total / 0x20000000));
    tv.setUint32(tailLen - 4, (this.total * 8) >>> 0);
    blocks(this.h, this.w, tail, 0, tailLen);
    const out = new Uint8Array(32);
    const ov = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) ov.setInt32(i * 4, this.h[i]!);
    return out;
  }

  /** Lower-case hex digest. */
  hex(): string {
    return hex(this.digest());
  }

  /** `written` new bytes were put after the pending ones: compress every full block. */
  private compress(written: number): void {
    const pending = this.pending + written;
    this.total += written;
    const full = pending & ~63;
    blocks(this.h, this.w, this.buf, 0, full);
    this.buf.copyWithin(0, full, pending);
    this.pending = pending - full;
  }

  /** A held high surrogate that no low surrogate followed is a lone one: encode it (as U+FFFD). */
  private flushSurrogate(): void {
    this.assertOpen();
    if (this.heldSurrogate === '') return;
    const lone = this.heldSurrogate;
    this.heldSurrogate = '';
    this.encoder ??= new TextEncoder();
    this.compress(this.encoder.encodeInto(lone, this.buf.subarray(this.pending)).written);
  }

  private assertOpen(): void {
    if (this.done) throw new Error('Sha256: digest() was already called');
  }
}

/** SHA-256 digest of `data` (32 bytes). */
export function sha256(data: Uint8Array): Uint8Array {
  return new Sha256().update(data).digest();
}

function hex(digest: Uint8Array): string {
  let s = '';
  for (const b of digest) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Lower-case hex SHA-256 of bytes. */
export function sha256Hex(data: Uint8Array): string {
  return hex(sha256(data));
}

/**
 * Lower-case hex SHA-256 of the UTF-8 encoding of a string (lone surrogates as U+FFFD, like
 * TextEncoder). Encodes in chunks into one small buffer, so a 40 MB plan needs no 40 MB copy.
 */
export function sha256HexOfText(text: string): string {
  return new Sha256().updateText(text).hex();
}
