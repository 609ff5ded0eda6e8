/**
 * Text recognition (PaddleOCR CRNN/SVTR): each detected box is cropped from
 * the page image, scaled to the model's 48-pixel height and read; boxes of
 * similar width are batched (padded with grey) to cut per-run overhead.
 */

import type { GreyImage } from '../image/grey.js';
import { createDecoder, type Decoder, type Reading } from './ctc.js';
import type { TextBox } from './detect.js';
import { runModel, type OcrEngine } from './engine.js';
import { cropInto } from './crop.js';

const HEIGHT = 48;
const MIN_WIDTH = 16;
/**
 * Inputs are at least this wide, the crop left-aligned and the rest padded
 * with the model's zero (mid grey). Lone table digits read far more reliably
 * so than cut tight or padded with white (measured on scanned tables: 0 and
 * 1 at 0.76–0.98 instead of 0.27–0.9). PaddleOCR pads to 320 (`FULL_WIDTH`);
 * 160 reads the corpus scans' table pages the same for almost every box at
 * half the cost of each short box — and a table page is mostly short boxes —
 * but a few lone zeros read weaker (0.9 → 0.5), so a box read below
 * `REREAD_BELOW` is read again at 320 and that reading kept: the same
 * reading as before the cut, for the boxes where it matters.
 * Packing several short boxes side by side in one 320-column input (split
 * by time step) was cheaper still but lost lone zeros (0.93 → 0.27, read as
 * `o`): the model reads a box differently with neighbours in view.
 */
const MIN_INPUT_WIDTH = 160;
const FULL_WIDTH = 320;
const REREAD_BELOW = 0.9;
/** Widest crop read at once (a full text line at 48 px high). */
const MAX_WIDTH = 2400;
/** Pixels (model input columns) per batch: bounds memory of one run. */
const BATCH_PIXELS = 48 * 1600;
const MAX_BATCH = 32;

export interface RecognisedBox extends TextBox, Reading {}

const decoders = new WeakMap<OcrEngine, Decoder>();

/** Reads every box; results in the order of `boxes`. */
export async function recogniseBoxes(engine: OcrEngine, img: GreyImage, boxes: readonly TextBox[]): Promise<RecognisedBox[]> {
  let decoder = decoders.get(engine);
  if (!decoder) decoders.set(engine, (decoder = createDecoder(engine.dictionary)));
  const widths = boxes.map((b) => cropWidth(b));
  const out: RecognisedBox[] = new Array(boxes.length);
  const read = async (which: number[], minInput: number) => {
    const inputWidth = (i: number) => Math.max(minInput, widths[i]!);
    const order = which.sort((a, b) => widths[a]! - widths[b]!);
    let i = 0;
    while (i < order.length) {
      const batch: number[] = [];
      while (i < order.length && batch.length < MAX_BATCH && (batch.length === 0 || inputWidth(order[i]!) * (batch.length + 1) <= BATCH_PIXELS / HEIGHT)) batch.push(order[i++]!);
      const W = inputWidth(batch[batch.length - 1]!);
      const input = new Float32Array(batch.length * 3 * HEIGHT * W).fill(0);
      batch.forEach((bi, j) => cropInto(img, boxes[bi]!, widths[bi]!, HEIGHT, input, j * 3 * HEIGHT * W, W));
      const res = await runModel(engine, engine.recogniser, input, [batch.length, 3, HEIGHT, W]);
      const [, steps = 0, classes = 0] = res.dims;
      const probs = res.data as Float32Array;
      batch.forEach((bi, j) => {
        out[bi] = { ...boxes[bi]!, ...decoder.decode(probs, j * steps * classes, steps, classes) };
      });
    }
  };
  await read(boxes.map((_, i) => i), MIN_INPUT_WIDTH);
  const weak = boxes.map((_, i) => i).filter((i) => widths[i]! < FULL_WIDTH && out[i]!.confidence < REREAD_BELOW);
  if (weak.length) await read(weak, FULL_WIDTH);
  return out;
}

function cropWidth(b: TextBox): number {
  const ratio = (b.x1 - b.x0) / Math.max(1, b.y1 - b.y0);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(HEIGHT * ratio)));
}
