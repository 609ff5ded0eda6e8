/**
 * Bounded memos for label scoring. The same labels come back in every report
 * of a bulk run (template spellings, header words, row labels), so their
 * parts and scores are kept across documents; a memo is emptied when it
 * reaches its limit, so a run over thousands of documents never grows it
 * without bound. Values must be pure functions of their key.
 */

/**
 * `cache`'s value for `key`, computed by `compute(key)` on a miss and kept.
 * The cache is emptied first when it holds `limit` entries. `undefined` is
 * never kept (a computed `undefined` is computed again next time).
 */
export function cached<K, V>(cache: Map<K, V>, key: K, limit: number, compute: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** The memo kept for `owner` (a template row, a list of spellings: compared by identity) in `memos`, made on first use; it goes when the owner does. */
export function memoOf<O extends object, K, V>(memos: WeakMap<O, Map<K, V>>, owner: O): Map<K, V> {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = new Map()));
  return memo;
}
