/**
 * CTC decoding of the recogniser's output (timesteps × classes of
 * probabilities), greedy, with a per-character confidence: the highest
 * probability over the timesteps the character occupies.
 *
 * Numbers get a second reading. A lone table digit in a serif face is often
 * read as a letter (`0` as `o`/`O`/`〇`, `1` as `l`/`I`/`|`), splitting the
 * probability between look-alikes. When everything read is a digit or such a
 * look-alike, the look-alikes' probabilities are added up per timestep and
 * the text re-read over digit groups; the number's confidence is then that
 * of the weakest digit. A smudged digit stays weak and is rejected later.
 */

/** Digit groups: the digit first, then the characters the recogniser confuses with it. */
const GROUPS: Record<string, string> = {
  '0': '0０oO〇○',
  '1': '1１lI|丨',
  '2': '2２',
  '3': '3３',
  '4': '4４',
  '5': '5５',
  '6': '6６',
  '7': '7７',
  '8': '8８',
  '9': '9９',
  '.': '.．',
  ',': ',，',
  '-': '-－',
  '%': '%％',
};

export interface Reading {
  text: string;
  /** Lowest per-character confidence, 0–1; 1 for an empty reading. */
  confidence: number;
}

export interface Decoder {
  decode(probs: Float32Array, offset: number, steps: number, classes: number): Reading;
}

/** A CTC greedy decoder over the recognition model's dictionary (index 0 = blank): text, per-character probabilities and the lowest of them as the confidence (0–1). */
export function createDecoder(dictionary: readonly string[]): Decoder {
  const names = Object.keys(GROUPS);
  const groupOf = new Int16Array(dictionary.length).fill(-1);
  names.forEach((name, g) => {
    for (const ch of GROUPS[name]!) {
      const i = dictionary.indexOf(ch);
      if (i > 0) groupOf[i] = g;
    }
  });
  const numericChars = new Set(Object.values(GROUPS).join(''));
  return {
    decode(probs, offset, steps, classes) {
      const free = greedy(probs, offset, steps, classes, (c) => dictionary[c] ?? '');
      if (free.text !== '' && ![...free.text].every((ch) => numericChars.has(ch))) return free;
      const grouped = groupedReading(probs, offset, steps, classes, groupOf, names);
      return grouped ?? (free.text === '' ? forced(probs, offset, steps, classes, (c) => dictionary[c] ?? '') : free);
    },
  };
}

/**
 * A detected box that reads as nothing (blank wins every timestep) still
 * holds ink: a faint or smudged character. Rather than an empty cell — which
 * a table reads as 0 — it gives the likeliest character at its strongest
 * timestep, with that (low) probability as confidence.
 */
function forced(probs: Float32Array, offset: number, steps: number, classes: number, name: (c: number) => string): Reading {
  let best = 0, p = 0;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    for (let c = 1; c < classes; c++) if (probs[base + c]! > p) [p, best] = [probs[base + c]!, c];
  }
  const text = best ? name(best).trim() : '';
  return text ? { text, confidence: p } : { text: '', confidence: 1 };
}

function greedy(probs: Float32Array, offset: number, steps: number, classes: number, name: (c: number) => string): Reading {
  let text = '', confidence = 1, last = 0, runBest = 0;
  const closeRun = () => {
    if (last !== 0) confidence = Math.min(confidence, runBest);
  };
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let best = 0, p = -1;
    for (let c = 0; c < classes; c++) {
      const v = probs[base + c]!;
      if (v > p) [p, best] = [v, c];
    }
    if (best !== last) {
      closeRun();
      if (best !== 0) text += name(best);
      runBest = p;
    } else runBest = Math.max(runBest, p);
    last = best;
  }
  closeRun();
  return { text: text.trim(), confidence };
}

/** Reading over digit groups; undefined when some timestep is most likely a non-digit character. */
function groupedReading(probs: Float32Array, offset: number, steps: number, classes: number, groupOf: Int16Array, names: string[]): Reading | undefined {
  const G = names.length;
  const mass = new Float64Array(G + 2); // groups…, blank, other
  let text = '', confidence = 1, last = -1, runBest = 0;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    mass.fill(0);
    mass[G] = probs[base]!;
    for (let c = 1; c < classes; c++) {
      const g = groupOf[c]!;
      mass[g >= 0 ? g : G + 1]! += probs[base + c]!;
    }
    // "Other" is the sum of thousands of classes: compare it through its largest single member instead.
    let otherBest = 0;
    for (let c = 1; c < classes; c++) if (groupOf[c]! < 0 && probs[base + c]! > otherBest) otherBest = probs[base + c]!;
    let best = G, p = mass[G]!;
    for (let g = 0; g < G; g++) if (mass[g]! > p) [p, best] = [mass[g]!, g];
    if (otherBest > p) return undefined;
    if (best !== last) {
      if (last >= 0 && last < G) confidence = Math.min(confidence, runBest);
      if (best < G) text += names[best];
      runBest = p;
    } else runBest = Math.max(runBest, p);
    last = best;
  }
  if (last >= 0 && last < G) confidence = Math.min(confidence, runBest);
  return text ? { text, confidence } : undefined;
}
