/**
 * Type guards for library users, so that code narrows a report's sections
 * without probing keys (`'newReceived' in x`). Sections are as in
 * spec/report-schema.md: a table section is null (not found), the heading
 * only (legacy, unknown edition, table not read), or the full table.
 */
import type { ActiveDisclosure2019, ActiveDisclosure2021, Applications, HeadingOnly, Report, ReviewLitigation } from './types.js';

/** A report whose three table sections are each null or a full table (never the heading only). */
export type TabledReport = Report & {
  activeDisclosure: ActiveDisclosure2021 | ActiveDisclosure2019 | null;
  applications: Applications | null;
  reviewLitigation: ReviewLitigation | null;
};

/** A report of the years before the national tables (2008–2018; spec/legacy-reports.md). */
export type LegacyReport = Report & { meta: Report['meta'] & { edition: 'legacy' } };

function isTable(section: object | null): boolean {
  return section === null || Object.keys(section).some((k) => k !== 'heading');
}

/** True when no table section is reduced to its heading: `applications`, if found, has its rows. */
export function hasTables(report: Report): report is TabledReport {
  return !!report && isTable(report.activeDisclosure) && isTable(report.applications) && isTable(report.reviewLitigation);
}

/** True for a legacy report (`meta.edition` is `legacy`). */
export function isLegacy(report: Report): report is LegacyReport {
  return report?.meta?.edition === 'legacy';
}

/** Section 二 in the 2021 edition's columns (issued / repealed / inForce). */
export function isActiveDisclosure2021(s: Report['activeDisclosure']): s is ActiveDisclosure2021 {
  return !!s && 'regulations' in s && 'issued' in (s as ActiveDisclosure2021).regulations;
}

/** Section 二 in the 2019 edition's columns (made / published / totalPublished). */
export function isActiveDisclosure2019(s: Report['activeDisclosure']): s is ActiveDisclosure2019 {
  return !!s && 'regulations' in s && 'made' in (s as ActiveDisclosure2019).regulations;
}

/** A section reduced to its heading. */
export function isHeadingOnly(s: object | null): s is HeadingOnly {
  return !!s && !isTable(s);
}
