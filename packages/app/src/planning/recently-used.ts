/**
 * Keeps `value` under `key` as the most recently used entry of `map` (a Map keeps insertion
 * order), dropping the least recently used beyond `capacity`.
 */
export function rememberIn<K, V>(map: Map<K, V>, key: K, value: V, capacity: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > capacity) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}
