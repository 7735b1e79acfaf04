/** Small cell-value parsers shared by the row reader. */

/** True/False as PowerShell writes them, plus Yes/No/1/0/Y/N. undefined = empty; null = unreadable. */
export function parseBool(text: string): boolean | undefined | null {
  switch (text.trim().toLowerCase()) {
    case '':
      return undefined;
    case 'true':
    case 'yes':
    case 'y':
    case '1':
    case 'enabled':
      return true;
    case 'false':
    case 'no':
    case 'n':
    case '0':
    case 'disabled':
      return false;
    case 'unknown':
      return undefined;
    default:
      return null;
  }
}

/**
 * A UPN looks like `local@domain.tld`: one `@`, no spaces, a dotted domain without empty labels.
 * Checked by hand rather than with a regular expression so that hostile cells cannot cause
 * backtracking.
 */
export function isValidUpn(upn: string): boolean {
  if (upn.length < 5 || upn.length > 320) return false;
  const at = upn.indexOf('@');
  if (at <= 0 || at !== upn.lastIndexOf('@')) return false;
  for (let i = 0; i < upn.length; i++) {
    const c = upn.charCodeAt(i);
    if (c <= 32 || c === 127 || c === 0x22 || c === 0x2c || c === 0x3c || c === 0x3e) return false;
  }
  const domain = upn.slice(at + 1);
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const l of labels) if (l === '' || l.startsWith('-') || l.endsWith('-')) return false;
  const tld = labels[labels.length - 1] ?? '';
  return tld.length >= 2;
}
