/**
 * Column mapping edits. Mappings are keyed by raw header text from the file, so they are built on
 * null-prototype objects and read with Object.hasOwn: a header named "__proto__" stays a header.
 */
export type Mapping = Record<string, string>;

export function emptyMapping(): Mapping {
  return Object.create(null) as Mapping;
}

export function fieldOf(mapping: Mapping, header: string): string {
  return Object.hasOwn(mapping, header) ? (mapping[header] ?? '') : '';
}

function put(m: Mapping, header: string, field: string) {
  Object.defineProperty(m, header, { value: field, enumerable: true, writable: true, configurable: true });
}

/** A copy with `header` mapped to `field` ('' = ignore). A field belongs to one column: its previous column is ignored. */
export function withField(mapping: Mapping, header: string, field: string): Mapping {
  const out = emptyMapping();
  for (const h of Object.keys(mapping)) {
    const f = fieldOf(mapping, h);
    if (h === header || f === '' || (field !== '' && f === field)) continue;
    put(out, h, f);
  }
  if (field !== '') put(out, header, field);
  return out;
}

/**
 * A remembered mapping fits a file when it maps a UPN column and every header it names is in the
 * file (extra columns in the file are fine: they are ignored, as they were last time).
 */
export function rememberedFits(remembered: Mapping, headers: readonly string[]): boolean {
  const keys = Object.keys(remembered);
  if (keys.length === 0 || !keys.some((k) => fieldOf(remembered, k) === 'upn')) return false;
  const have = new Set(headers.map((h) => h.trim()));
  return keys.every((k) => have.has(k.trim()));
}

export function sameMapping(a: Mapping, b: Mapping): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => fieldOf(b, k) === fieldOf(a, k));
}

/** A null-prototype copy (results cross from the worker as plain objects). */
export function copyMapping(m: Mapping): Mapping {
  const out = emptyMapping();
  for (const k of Object.keys(m)) put(out, k, fieldOf(m, k));
  return out;
}
