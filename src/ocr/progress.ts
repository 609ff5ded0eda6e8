/**
 * OCR page heartbeat: readers call `ocrPageStarted()` before each page they
 * OCR; the batch worker forwards it to the pool, which then gives the
 * document a fresh per-page time budget instead of the per-document timeout
 * (an OCR'd page takes seconds to minutes where a text PDF takes
 * milliseconds).
 */

let listener: (() => void) | undefined;

export function setOcrPageListener(fn: (() => void) | undefined): void {
  listener = fn;
}

export function ocrPageStarted(): void {
  listener?.();
}
