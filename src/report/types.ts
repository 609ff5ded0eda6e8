/**
 * The output of `gongkai extract` for one document, as TypeScript types
 * (spec/report-schema.md, version 1). The runtime contract is the zod schema
 * in schema/report.ts, generated in part from the template data; these types
 * name the keys of the two national editions for library users.
 */
import type { BBox } from '../model/document.js';
import type { OutputFormat } from '../schema/report.js';
import type { LegacyPart } from '../legacy/types.js';

export type CellNumber = number | null;
export type Status = 'complete' | 'partial' | 'failed';

export interface TextSection {
  heading: string;
  text: string;
}

/** One row of table 三: the seven applicant columns. */
export interface ApplicantRow {
  naturalPerson: CellNumber;
  commercial: CellNumber;
  research: CellNumber;
  publicInterest: CellNumber;
  legalService: CellNumber;
  otherOrg: CellNumber;
  total: CellNumber;
}

export interface Applications {
  heading: string;
  newReceived: ApplicantRow;
  carriedOver: ApplicantRow;
  granted: ApplicantRow;
  partiallyGranted: ApplicantRow;
  denied: Record<
    | 'stateSecret'
    | 'lawForbidden'
    | 'threeSafetiesOneStability'
    | 'thirdPartyRights'
    | 'internalAffairs'
    | 'processInfo'
    | 'enforcementCaseFile'
    | 'administrativeQuery',
    ApplicantRow
  >;
  unableToProvide: Record<'notHeld' | 'needsCreation' | 'unclear', ApplicantRow>;
  notProcessed: Record<'complaint' | 'repeated' | 'publication' | 'massive' | 'confirmation', ApplicantRow>;
  /** The three detail rows, or the single `total` row, as printed. */
  otherHandling: Partial<Record<'overdueCorrection' | 'unpaidFee' | 'other' | 'total', ApplicantRow>>;
  totalProcessed: ApplicantRow;
  carriedForward: ApplicantRow;
}

export interface ReviewGroup {
  upheld: CellNumber;
  corrected: CellNumber;
  other: CellNumber;
  pending: CellNumber;
  total: CellNumber;
}

export interface ReviewLitigation {
  heading: string;
  review: ReviewGroup;
  litigationDirect: ReviewGroup;
  litigationAfterReview: ReviewGroup;
}

export interface ActiveDisclosure2021 {
  heading: string;
  regulations: { issued: CellNumber; repealed: CellNumber; inForce: CellNumber };
  normativeDocuments: { issued: CellNumber; repealed: CellNumber; inForce: CellNumber };
  licensing: { decisions: CellNumber };
  punishment: { decisions: CellNumber };
  coercion: { decisions: CellNumber };
  fees: { amount: CellNumber; amountUnit: '元' | '万元' | '亿元' | null };
}

export interface ActiveDisclosure2019 {
  heading: string;
  regulations: { made: CellNumber; published: CellNumber; totalPublished: CellNumber };
  normativeDocuments: { made: CellNumber; published: CellNumber; totalPublished: CellNumber };
  licensing: { lastYear: CellNumber; change: CellNumber; decisions: CellNumber };
  otherServices: { lastYear: CellNumber; change: CellNumber; decisions: CellNumber };
  punishment: { lastYear: CellNumber; change: CellNumber; decisions: CellNumber };
  coercion: { lastYear: CellNumber; change: CellNumber; decisions: CellNumber };
  fees: { lastYear: CellNumber; change: CellNumber };
  procurement: { projects: CellNumber; amount: CellNumber; amountUnit: '元' | '万元' | '亿元' | null };
}

/** Legacy or unknown editions: the heading only (warnings say why). */
export interface HeadingOnly {
  heading: string;
}

export interface Check {
  rule: string;
  passed: boolean;
  expected: number;
  actual: number;
}

export interface CellProvenance {
  /** 1-based page; null for formats without pages. */
  page: number | null;
  /** PDF points from the page's top-left: [x0, y0, x1, y1]; absent for DOCX/HTML. */
  bbox?: BBox;
  /** The cell's text as printed. */
  raw: string;
  /** Read by OCR (spec: provenance), with the recogniser's confidence 0–1. */
  ocr?: true;
  confidence?: number;
}

/** One applied correction (spec § Corrections): `value` absent for a confirmation. */
export interface AppliedCorrection {
  path: string;
  /** What the extractor read at `path`. */
  printed: number | null;
  value?: number;
  note: string | null;
  by: string | null;
  at: string | null;
}

export interface Report {
  schemaVersion: '1';
  source: {
    /** Base name of the input. */
    file: string;
    /** The path the output is named after: relative to the deepest folder holding all inputs (report-schema.md, Files); the base name for bytes. */
    path: string;
    format: OutputFormat;
    /** Of the input bytes; null when they could not be read. */
    sha256: string | null;
    pages: number | null;
  };
  meta: {
    title: string | null;
    agency: string | null;
    year: number | null;
    publishedAt: string | null;
    edition: string;
  };
  status: Status;
  overview: TextSection | null;
  activeDisclosure: ActiveDisclosure2021 | ActiveDisclosure2019 | HeadingOnly | TextSection | null;
  applications: Applications | HeadingOnly | TextSection | null;
  reviewLitigation: ReviewLitigation | HeadingOnly | TextSection | null;
  problems: TextSection | null;
  otherMatters: TextSection | null;
  checks: Check[];
  warnings: string[];
  /** Present only when `--corrections` applied entries to this document. */
  corrections?: AppliedCorrection[];
  provenance?: Record<string, CellProvenance>;
  /** Legacy (2008–2018) reports only (spec/legacy-reports.md); the six sections then hold `{ heading, text }`. */
  legacy?: LegacyPart;
}

/** A report without what only the caller knows (`schemaVersion`, `source`): what the pipeline makes of a document. */
export type ReportBody = Omit<Report, 'schemaVersion' | 'source'>;
