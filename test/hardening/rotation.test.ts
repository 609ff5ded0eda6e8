/**
 * Issue 7, kind 1: a page marked /Rotate is read in the orientation its
 * text runs left to right (as pdftotext does), not dropped as rotated text.
 */
import { readingRotation } from '../../src/readers/pdf/orientation.js';

const upright = { transform: [12, 0, 0, 12, 72, 700], chars: 40 };
const turnedLeft = { transform: [0, 12, -12, 0, 300, 72], chars: 40 }; // drawn along +y: upright once turned 90° clockwise
const watermark = { transform: [8.5, 8.5, -8.5, 8.5, 100, 100], chars: 6 };

describe('readingRotation', () => {
  it('reads content drawn upright in user space upright, whatever the page /Rotate', () => {
    for (const rotate of [90, 180, 270]) expect(readingRotation(rotate, [upright, upright, watermark])).toBe(0);
  });
  it("keeps the page's own rotation when it makes the text upright (a landscape page drawn turned)", () => {
    expect(readingRotation(90, [turnedLeft, turnedLeft])).toBe(90);
    expect(readingRotation(270, [{ transform: [0, -12, 12, 0, 300, 700], chars: 40 }])).toBe(270);
  });
  it('goes by the most characters, and keeps the page rotation on a tie or without text', () => {
    expect(readingRotation(90, [upright, turnedLeft, { ...turnedLeft, chars: 1 }])).toBe(90);
    expect(readingRotation(90, [])).toBe(90);
    expect(readingRotation(-90, [])).toBe(270);
  });
});
