// Types of scripts/pdfjs-text-only.mjs (for the tests).
export interface TextOnlyEdit {
  id: string;
  file: string;
  why: string;
  find: string;
  replace: string;
}
export interface TextOnlyManifest {
  pdfjsDist: string;
  workerGlobal: string;
  edits: Array<{ id: string; file: string; why: string }>;
  sources: Record<string, string>;
}
export const PDFJS_VERSION: string;
export const WORKER_GLOBAL: string;
export const FILES: string[];
export const EDITS: TextOnlyEdit[];
export const OUT_DIR: string;
export function deriveTextOnly(sources: Record<string, string>, version: string): Record<string, string>;
export function build(options?: { check?: boolean }): TextOnlyManifest;
