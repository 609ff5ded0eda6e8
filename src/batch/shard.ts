/**
 * Shards for batch schedulers (`extract --shard i/n`): the inputs split into
 * n deterministic parts by a hash of each output's relative path, so n
 * machines (a Slurm array, a Kubernetes indexed job, xargs over hosts) can
 * share a corpus with no coordinator. The n shards' outputs together are one
 * unsharded run's: names are computed over all inputs before the split.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based: the first of 3 shards is `1/3` (as in GNU split's `-n K/N`). */
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); throws a RangeError with the reason otherwise. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new RangeError(`a shard must look like i/n (e.g. 1/3), not '${text}'`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new RangeError(`shard ${text}: i must be between 1 and n`);
  return { index, count };
}

/** Whether the input with this output name (`a/report.pdf.json`) belongs to the shard: sha256 of the name, first 48 bits, mod n. */
export function inShard(outName: string, shard: Shard): boolean {
  const h = createHash('sha256').update(outName.split('\\').join('/')).digest();
  return h.readUIntBE(0, 6) % shard.count === shard.index - 1;
}
