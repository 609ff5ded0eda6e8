/**
 * The two lanes of a batch pool (issue 8, bulk runs stay safe): text
 * documents are read by the general lane (`--jobs` workers, no OCR engine);
 * a document that turns out to need OCR is handed to the OCR lane
 * (`--ocr-jobs` workers, default 1, each loading one engine of 0.6–0.9 GB
 * once). A batch of text PDFs with a few scans in it thus keeps its speed,
 * and the number of engines in memory is bounded by `--ocr-jobs`.
 */

/** A general-lane worker's answer for a document that needs OCR (it is re-read in the OCR lane). */
export const OCR_NEEDED = { ocrNeeded: true } as const;
export type OcrNeeded = typeof OCR_NEEDED;

/** True for the general lane's "hand it to the OCR lane" answer (after the structured clone, so by shape). */
export function isOcrNeeded(r: unknown): r is OcrNeeded {
  return typeof r === 'object' && r !== null && (r as { ocrNeeded?: unknown }).ocrNeeded === true;
}
