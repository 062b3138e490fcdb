/**
 * A deterministic number in [0, 1) from a seed and any parts (step, agent, vehicle id, …): FNV-1a over the parts'
 * text, finished with a murmur3 avalanche. The same inputs give the same value in every process; it is what makes
 * the mock responder's "random" choices reproducible and still depend on the observation.
 */
export function hashUnit(seed: number, ...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  const text = parts.join('\u0000');
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4_294_967_296;
}
