/**
 * Which reports are of one body (spec report-schema.md § Series): bodies are
 * grouped by `meta.agency` with spaces and full-/half-width forms folded; a
 * name with and without its parent's prefix (洪泽区人民政府 / 淮安市洪泽区人民政府)
 * is one body when one name ends with the other and nothing else in the set
 * contradicts it — i.e. the shorter name is not also the ending of another
 * name that is not itself a prefixed form of the first.
 */

/** The folded form of an agency name: NFKC (full-width → half-width), no whitespace. */
export function foldAgency(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Groups folded names into bodies. Returns folded name → the body's key (its
 * longest name). A short name whose longer forms do not all lie on one chain
 * (each ending with the next) stays a body of its own.
 */
export function groupAgencies(names: Iterable<string>): Map<string, string> {
  const distinct = [...new Set(names)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const key = new Map<string, string>();
  for (const n of distinct) {
    const longer = distinct.filter((m) => m.length > n.length && m.endsWith(n));
    // One chain: every longer form ends with every shorter longer form.
    const chain = longer.every((a) => longer.every((b) => a.length < b.length ? b.endsWith(a) : a.length > b.length ? a.endsWith(b) : a === b));
    key.set(n, longer.length && chain ? key.get(longer[0]!)! : n);
  }
  return key;
}
