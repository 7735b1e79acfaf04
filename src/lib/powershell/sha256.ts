/**
 * Synchronous SHA-256 for the plan fingerprint. Web Crypto's `subtle.digest` is asynchronous, and
 * `generateScripts` must stay synchronous, so the hashing itself is @noble/hashes (audited, no
 * dependencies; see docs/decisions.md). What this module adds is text input: a plan's canonical
 * JSON arrives as a stream of string pieces (plan-hash.ts), encoded here to UTF-8 in chunks into
 * one small buffer, so a 40 MB plan needs neither the whole string nor its bytes at once.
 * Checked against the FIPS vectors and node:crypto in tests/unit/powershell/sha256.test.ts.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const CHUNK_CHARS = 16_384; // at most 3 UTF-8 bytes per UTF-16 unit: 49,152 bytes
const BUFFER_BYTES = CHUNK_CHARS * 3;

type NobleHash = ReturnType<typeof nobleSha256.create>;

/**
 * Incremental SHA-256: feed bytes and/or text (hashed as UTF-8) in any pieces, then `digest()`.
 * The result depends only on the concatenated bytes, not on how they were split.
 */
export class Sha256 {
  private readonly hash: NobleHash = nobleSha256.create();
  private buf: Uint8Array | null = null;
  private encoder: TextEncoder | null = null;
  /** A high surrogate that ended the previous text piece, held back to pair with the next one. */
  private heldSurrogate = '';
  private done = false;

  /** Add bytes. */
  update(data: Uint8Array): this {
    this.flushSurrogate();
    this.hash.update(data);
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
    const buf = (this.buf ??= new Uint8Array(BUFFER_BYTES));
    for (let i = 0; i < text.length;) {
      let end = Math.min(text.length, i + CHUNK_CHARS);
      const last = text.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        // Never encode half a pair: within the text, leave it for the next chunk; at the very end,
        // hold it until the next piece (or `digest`) shows whether a low surrogate follows.
        if (end === text.length) this.heldSurrogate = text.charAt(end - 1);
        end--;
        if (end === i) break;
      }
      const { written } = this.encoder.encodeInto(text.substring(i, end), buf);
      this.hash.update(buf.subarray(0, written));
      i = end;
    }
    return this;
  }

  /** The 32-byte digest. The hasher cannot be used afterwards. */
  digest(): Uint8Array {
    this.flushSurrogate();
    this.done = true;
    return this.hash.digest();
  }

  /** Lower-case hex digest. */
  hex(): string {
    return bytesToHex(this.digest());
  }

  /** A held high surrogate that no low surrogate followed is a lone one: encode it (as U+FFFD). */
  private flushSurrogate(): void {
    this.assertOpen();
    if (this.heldSurrogate === '') return;
    const lone = this.heldSurrogate;
    this.heldSurrogate = '';
    this.encoder ??= new TextEncoder();
    this.hash.update(this.encoder.encode(lone));
  }

  private assertOpen(): void {
    if (this.done) throw new Error('Sha256: digest() was already called');
  }
}

/** SHA-256 digest of `data` (32 bytes). */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** Lower-case hex SHA-256 of bytes. */
export function sha256Hex(data: Uint8Array): string {
  return bytesToHex(nobleSha256(data));
}

/**
 * Lower-case hex SHA-256 of the UTF-8 encoding of a string (lone surrogates as U+FFFD, like
 * TextEncoder). Encodes in chunks into one small buffer, so a 40 MB plan needs no 40 MB copy.
 */
export function sha256HexOfText(text: string): string {
  return new Sha256().updateText(text).hex();
}
