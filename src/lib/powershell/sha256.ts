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

/** Compress the 64-byte blocks of `src` from `off` to `end` into the state `h`. */
function blocks(h: Int32Array, w: Int32Array, src: Uint8Array, off: number, end: number): void {
  let h0 = h[0]!, h1 = h[1]!, h2 = h[2]!, h3 = h[3]!, h4 = h[4]!, h5 = h[5]!, h6 = h[6]!, h7 = h[7]!;
  // Fast path: read whole 32-bit words (one load and a byte swap) when the data is 4-byte aligned.
  const words =
    LITTLE_ENDIAN && (src.byteOffset & 3) === 0 ? new Int32Array(src.buffer, src.byteOffset, end >>> 2) : null;
  for (; off < end; off += 64) {
    if (words) {
      for (let i = 0, j = off >>> 2; i < 16; i++, j++) {
        const x = words[j]!;
        w[i] = (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
      }
    } else {
      for (let i = 0, j = off; i < 16; i++, j += 4) {
        w[i] = (src[j]! << 24) | (src[j + 1]! << 16) | (src[j + 2]! << 8) | src[j + 3]!;
      }
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, k = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + k) | 0;
  }
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7;
}

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Pad the last (< 64) bytes, compress, and return the digest. `total` = message length in bytes. */
function finish(h: Int32Array, w: Int32Array, rest: Uint8Array, total: number): Uint8Array {
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian integer.
  const tailLen = rest.length + 9 <= 64 ? 64 : 128;
  const tail = new Uint8Array(tailLen);
  tail.set(rest);
  tail[rest.length] = 0x80;
  const tv = new DataView(tail.buffer);
  tv.setUint32(tailLen - 8, Math.floor(total / 0x20000000));
  tv.setUint32(tailLen - 4, (total * 8) >>> 0);
  blocks(h, w, tail, 0, tailLen);
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setInt32(i * 4, h[i]!);
  return out;
}

/** SHA-256 digest of `data` (32 bytes). */
export function sha256(data: Uint8Array): Uint8Array {
  const h = new Int32Array(INITIAL);
  const w = new Int32Array(64);
  const fullEnd = data.length - (data.length % 64);
  blocks(h, w, data, 0, fullEnd);
  return finish(h, w, data.subarray(fullEnd), data.length);
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

const CHUNK_CHARS = 16_384; // at most 3 UTF-8 bytes per UTF-16 unit: 49,152 bytes

/**
 * Lower-case hex SHA-256 of the UTF-8 encoding of a string (lone surrogates as U+FFFD, like
 * TextEncoder). Encodes in chunks into one small buffer, so a 40 MB plan needs no 40 MB copy.
 */
export function sha256HexOfText(text: string): string {
  const h = new Int32Array(INITIAL);
  const w = new Int32Array(64);
  const encoder = new TextEncoder();
  const buf = new Uint8Array(CHUNK_CHARS * 3 + 64);
  let pending = 0;
  let total = 0;
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + CHUNK_CHARS);
    // Never split a surrogate pair between chunks.
    if (end < text.length) {
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--;
    }
    const { written } = encoder.encodeInto(text.substring(i, end), buf.subarray(pending));
    pending += written;
    total += written;
    i = end;
    const full = pending - (pending % 64);
    blocks(h, w, buf, 0, full);
    buf.copyWithin(0, full, pending);
    pending -= full;
  }
  return hex(finish(h, w, buf.slice(0, pending), total));
}
