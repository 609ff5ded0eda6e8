/**
 * Where a PDF printed its meta fields, for the review site's evidence: the
 * title (its lines on the first page that has them; `meta.year` is read from
 * it), the agency (the last line that holds it: the signature at the end) and
 * the publication date under it (its Chinese form, `2022年1月18日`). Boxes in
 * PDF points from the page's top-left, like provenance. A field not found is
 * left out: the site then shows its value only.
 */
import type { PdfDocument } from '../readers/pdf/load.js';
import type { Report } from '../report/types.js';
import type { CropRequest } from './crops.js';

interface Line {
  page: number;
  text: string;
  bbox: [number, number, number, number];
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

async function lines(doc: PdfDocument): Promise<Line[]> {
  const out: Line[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
      const h = Math.hypot(c, d) || 1;
      const [x0, y1] = viewport.convertToViewportPoint(e, f - 0.2 * h) as [number, number];
      const [x1, y0] = viewport.convertToViewportPoint(e + item.width, f + 0.9 * h) as [number, number];
      const bbox: Line['bbox'] = [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
      // Runs of one printed line (a date is often 2021 / 年 / 1 / 月 …) join into one line.
      const prev = out[out.length - 1];
      const height = bbox[3] - bbox[1];
      if (prev && prev.page === n && Math.abs(prev.bbox[1] - bbox[1]) < height * 0.5 && bbox[0] - prev.bbox[2] < height * 2 && bbox[0] >= prev.bbox[0]) {
        prev.text += squash(item.str);
        prev.bbox = [prev.bbox[0], Math.min(prev.bbox[1], bbox[1]), Math.max(prev.bbox[2], bbox[2]), Math.max(prev.bbox[3], bbox[3])];
      } else out.push({ page: n, text: squash(item.str), bbox });
    }
  }
  return out;
}

const union = (a: Line[]): [number, number, number, number] => [
  Math.min(...a.map((l) => l.bbox[0])),
  Math.min(...a.map((l) => l.bbox[1])),
  Math.max(...a.map((l) => l.bbox[2])),
  Math.max(...a.map((l) => l.bbox[3])),
];

/** Crop requests for `meta.title`, `meta.year`, `meta.agency`, `meta.publishedAt` of a PDF report. */
export async function locateMeta(doc: PdfDocument, meta: Report['meta']): Promise<CropRequest[]> {
  const all = await lines(doc);
  const out: CropRequest[] = [];
  if (meta.title) {
    const title = squash(meta.title);
    const pages = [...new Set(all.map((l) => l.page))];
    for (const p of pages) {
      const parts = all.filter((l) => l.page === p && l.text.length >= 2 && title.includes(l.text));
      if (parts.reduce((s, l) => s + l.text.length, 0) >= title.length * 0.6) {
        const bbox = union(parts);
        out.push({ path: 'meta.title', page: p, bbox }, ...(meta.year !== null && title.includes(String(meta.year)) ? [{ path: 'meta.year', page: p, bbox }] : []));
        break;
      }
    }
  }
  const last = (text: string) => [...all].reverse().find((l) => l.text.includes(text));
  if (meta.agency) {
    const l = last(squash(meta.agency));
    if (l) out.push({ path: 'meta.agency', page: l.page, bbox: l.bbox });
  }
  if (meta.publishedAt) {
    const [y, m, d] = meta.publishedAt.split('-').map(Number);
    const l = last(`${y}年${m}月${d}日`) ?? last(`${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日`);
    if (l) out.push({ path: 'meta.publishedAt', page: l.page, bbox: l.bbox });
  }
  return out;
}
