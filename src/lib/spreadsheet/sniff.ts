/** What kind of file the bytes are, from their content (file names lie: `.xls` is often CSV). */

export type FileKind =
  { kind: 'xlsx' } | { kind: 'ods' } | { kind: 'xls' } | { kind: 'encrypted' } | { kind: 'text' } | { kind: 'not-spreadsheet'; what: string };

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** Index of `needle` in `hay[from, to)`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
  const first = needle[0];
  if (first === undefined) return from;
  const last = Math.min(to, hay.length) - needle.length;
  for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const utf16 = (s: string) => Uint8Array.from([...s].flatMap((ch) => [ch.charCodeAt(0), 0]));

/** Zip entry names sit in local headers (front) and the central directory (end). */
function zipHas(bytes: Uint8Array, name: Uint8Array): boolean {
  const WINDOW = 4 << 20;
  if (bytes.length <= 2 * WINDOW) return indexOfBytes(bytes, name) !== -1;
  return indexOfBytes(bytes, name, 0, WINDOW) !== -1 || indexOfBytes(bytes, name, bytes.length - WINDOW) !== -1;
}

const CONTENT_TYPES = ascii('[Content_Types].xml');
const ODS_MIME = ascii('application/vnd.oasis.opendocument.spreadsheet');
const ENCRYPTED_PACKAGE = utf16('EncryptedPackage');

export function sniffFile(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (zipHas(bytes, CONTENT_TYPES)) return { kind: 'xlsx' };
    if (zipHas(bytes, ODS_MIME)) return { kind: 'ods' };
    return { kind: 'not-spreadsheet', what: 'a zip archive that is not an Excel or OpenDocument workbook' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An encrypted .xlsx is an OLE compound file holding an `EncryptedPackage` stream.
    return indexOfBytes(bytes, ENCRYPTED_PACKAGE) !== -1 ? { kind: 'encrypted' } : { kind: 'xls' };
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'not-spreadsheet', what: 'a PNG image' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'not-spreadsheet', what: 'a JPEG image' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { kind: 'not-spreadsheet', what: 'a GIF image' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { kind: 'not-spreadsheet', what: 'a PDF document' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'not-spreadsheet', what: 'a gzip archive' };
  return { kind: 'text' };
}
