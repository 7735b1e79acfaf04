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

/** UTF-8 BOM followed by the UTF-8 encoding of `text` (which must already use CRLF). */
export function toScriptBytes(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + BOM.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
