/**
 * A table row's definition ([MS-DOC] TDefTableOperand, TC80, TCGRF): the
 * cell boundaries rgdxaCenter (twips, itcMac + 1 of them) and per cell its
 * merge flags, edited by later table sprms.
 */
import { op } from './sprm.js';

/** TCGRF.horzMerge: 0 none, 1 first of a merged run, 2/3 merged into the previous cell. */
export type HorzMerge = 0 | 1 | 2;
/** TCGRF.vertMerge (VerticalMergeFlag): 0 fvmClear, 1 fvmMerge (continues the cell above), 3 fvmRestart. */
export type VertMerge = 0 | 1 | 3;

export interface CellDef {
  horzMerge: HorzMerge;
  vertMerge: VertMerge;
}

export interface RowDef {
  /** Cell boundaries, left edge of cell 0 … right edge of the last cell. */
  centers: number[];
  cells: CellDef[];
}

/** The spec allows 63 cells in a row. */
const MAX_CELLS = 64;
const TC80_SIZE = 20;

function vert(v: number): VertMerge {
  return v === 1 ? 1 : v === 3 || v === 2 ? 3 : 0;
}

function cellFlags(tcgrf: number): CellDef {
  const h = tcgrf & 3;
  return { horzMerge: h === 0 ? 0 : h === 1 ? 1 : 2, vertMerge: vert((tcgrf >> 5) & 3) };
}

/** sprmTDefTable: itcMac, rgdxaCenter, then (possibly fewer than itcMac) TC80s. */
function defTable(o: Uint8Array): RowDef {
  const itcMac = Math.min(op.u8(o), MAX_CELLS);
  const centers: number[] = [];
  for (let i = 0; i <= itcMac; i++) centers.push(op.i16(o, 1 + 2 * i));
  const tcAt = 1 + 2 * (itcMac + 1);
  const cells: CellDef[] = [];
  for (let i = 0; i < itcMac; i++) {
    const at = tcAt + TC80_SIZE * i;
    cells.push(at + 2 <= o.length ? cellFlags(op.u16(o, at)) : { horzMerge: 0, vertMerge: 0 });
  }
  return { centers, cells };
}

function clampRange(row: RowDef, first: number, lim: number): [number, number] {
  const n = row.cells.length;
  return [Math.max(0, Math.min(first, n)), Math.max(0, Math.min(lim, n))];
}

/** Shifts the boundaries after cell `itc` so that cell `itc` is `width` wide. */
function setWidth(row: RowDef, itc: number, width: number): void {
  const delta = row.centers[itc]! + width - row.centers[itc + 1]!;
  for (let k = itc + 1; k < row.centers.length; k++) row.centers[k]! += delta;
}

/** Applies one table sprm (sgc 5) to the row definition. */
export function applyTableSprm(row: RowDef | undefined, sprm: number, o: Uint8Array): RowDef | undefined {
  if (sprm === 0xd608) return defTable(o); // sprmTDefTable
  if (!row) return row;
  switch (sprm) {
    case 0xd62b: { // sprmTVertMerge: itc, VerticalMergeFlag
      const cell = row.cells[op.u8(o)];
      if (cell) cell.vertMerge = vert(op.u8(o, 1));
      break;
    }
    case 0x5624: { // sprmTMerge: cells [itcFirst, itcLim) become one
      const [first, lim] = clampRange(row, op.u8(o), op.u8(o, 1));
      for (let i = first; i < lim; i++) row.cells[i]!.horzMerge = i === first ? 1 : 2;
      break;
    }
    case 0x5625: { // sprmTSplit: undoes a merge
      const [first, lim] = clampRange(row, op.u8(o), op.u8(o, 1));
      for (let i = first; i < lim; i++) row.cells[i]!.horzMerge = 0;
      break;
    }
    case 0x7621: { // sprmTInsert: ctc cells of width dxaCol at itcInsert
      const at = Math.min(op.u8(o), row.cells.length);
      const ctc = Math.min(op.u8(o, 1), MAX_CELLS - row.cells.length);
      const dxa = op.i16(o, 2);
      for (let i = 0; i < ctc; i++) {
        row.cells.splice(at, 0, { horzMerge: 0, vertMerge: 0 });
        row.centers.splice(at, 0, row.centers[at] ?? 0);
        setWidth(row, at, dxa);
      }
      break;
    }
    case 0x5622: { // sprmTDelete: removes cells [itcFirst, itcLim)
      const [first, lim] = clampRange(row, op.u8(o), op.u8(o, 1));
      if (lim > first) {
        const width = row.centers[lim]! - row.centers[first]!;
        row.cells.splice(first, lim - first);
        row.centers.splice(first + 1, lim - first);
        for (let k = first + 1; k < row.centers.length; k++) row.centers[k]! -= width;
      }
      break;
    }
    case 0x7623: { // sprmTDxaCol: cells [itcFirst, itcLim) become dxaCol wide
      const [first, lim] = clampRange(row, op.u8(o), op.u8(o, 1));
      for (let i = first; i < lim; i++) setWidth(row, i, op.i16(o, 2));
      break;
    }
    default:
      break;
  }
  return row;
}
