/** The value for `k` in `m`, made by `make` the first time it is asked for. */
export function cached<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}
