/**
 * The orientation a page is read in (issue 7, kind 1). A page marked
 * `/Rotate 90` (180, 270) is turned by the viewer; when its content is
 * drawn upright in user space, turning it makes every line vertical, and the
 * stages would drop it as rotated text (a watermark). Like `pdftotext`, the
 * page is read in the orientation in which most of its text runs left to
 * right: the page's own rotation when that holds, else the multiple of 90°
 * that makes the most characters upright.
 */

/** Page rotations a PDF allows, clockwise degrees. */
const ROTATIONS = [0, 90, 180, 270] as const;

/** How far off horizontal a baseline may be, as a share of its length, and still count as upright. */
const SLANT = 0.05;

export interface Run {
  /** pdf.js text transform `[a, b, c, d, e, f]` in PDF user space. */
  transform: readonly number[];
  /** Characters in the run, the run's weight. */
  chars: number;
}

/**
 * The rotation (clockwise degrees, for `page.getViewport({ rotation })`) in
 * which to read a page whose `/Rotate` is `pageRotate`. The baseline
 * direction `(a, b)` in user space, seen through a top-left-origin view
 * turned by R, is `(a·cosR + b·sinR, a·sinR − b·cosR)`; a run is upright when
 * that points right with little slant.
 */
export function readingRotation(pageRotate: number, runs: readonly Run[]): number {
  const own = ((pageRotate % 360) + 360) % 360;
  const upright = (r: number) => {
    const rad = (r * Math.PI) / 180;
    const cos = Math.round(Math.cos(rad)), sin = Math.round(Math.sin(rad));
    let n = 0;
    for (const run of runs) {
      const [a = 1, b = 0] = run.transform;
      const dx = a * cos + b * sin, dy = a * sin - b * cos;
      if (dx > 0 && Math.abs(dy) <= SLANT * Math.hypot(dx, dy)) n += run.chars;
    }
    return n;
  };
  let best = own, most = upright(own);
  for (const r of ROTATIONS) {
    if (r === own) continue;
    const n = upright(r);
    if (n > most) [best, most] = [r, n];
  }
  return best;
}
