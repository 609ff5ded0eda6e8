/**
 * Paragraph, table-row and character properties, built by applying sprms
 * ([MS-DOC] paragraph, table and character sprms) in order: the style chain
 * first, then the PAPX/CHPX of the text itself.
 */
import type { TextStyle } from '../../model/document.js';
import { op, sprms } from './sprm.js';
import { applyTableSprm, type RowDef } from './row-def.js';

export interface ParaProps {
  istd: number;
  align?: TextStyle['align'];
  /** sprmPFInTable / sprmPItap: table nesting depth (0 outside tables). */
  itap: number;
  /** sprmPFTtp: the paragraph is the row-end mark of a depth-1 table row. */
  ttp: boolean;
  /** sprmPFInnerTableCell / sprmPFInnerTtp: cell and row ends of nested tables. */
  innerCell: boolean;
  innerTtp: boolean;
  /** sprmPIlfo (1-based index into PlfLfo, 0 = not numbered) and sprmPIlvl. */
  ilfo: number;
  ilvl: number;
  /** The row's table definition, on row-end marks (sprmTDefTable …). */
  row?: RowDef;
}

export interface CharProps {
  bold: boolean;
  /** Half-points (sprmCHps); Word's default is 20 (10 pt). */
  hps: number;
  /** sprmCFVanish: hidden text, not printed. */
  vanish: boolean;
  /** sprmCFRMarkDel: a tracked deletion, not in the final text. */
  deleted: boolean;
  /** sprmCFSpec: the run's 0x28 characters stand for a symbol (sprmCSymbol), not '('. */
  special: boolean;
  /** sprmCSymbol: the symbol's character code. */
  symbol?: number;
}

const JC: TextStyle['align'][] = ['left', 'center', 'right', 'justify', 'justify'];

export function emptyParaProps(istd = 0): ParaProps {
  return { istd, itap: 0, ttp: false, innerCell: false, innerTtp: false, ilfo: 0, ilvl: 0 };
}

/**
 * Applies paragraph (and table) sprms. `huge` resolves sprmPHugePapx, whose
 * operand is an offset into the Data stream where the real grpprl is kept.
 */
export function applyParaSprms(p: ParaProps, grpprl: Uint8Array, huge?: (offset: number) => Uint8Array | undefined, depth = 0): void {
  for (const { sprm, operand } of sprms(grpprl)) {
    switch (sprm) {
      case 0x4600: // sprmPIstd
        p.istd = op.u16(operand);
        break;
      case 0x2403: // sprmPJc80
      case 0x2461: // sprmPJc
        p.align = JC[op.u8(operand)] ?? 'justify';
        break;
      case 0x2416: // sprmPFInTable
        if (op.u8(operand) && p.itap === 0) p.itap = 1;
        if (!op.u8(operand)) p.itap = 0;
        break;
      case 0x2417: // sprmPFTtp
        p.ttp = op.u8(operand) !== 0;
        break;
      case 0x6649: // sprmPItap
        p.itap = Math.max(0, Math.min(op.i32(operand), 64));
        break;
      case 0x664a: // sprmPDtap
        p.itap = Math.max(0, Math.min(p.itap + op.i32(operand), 64));
        break;
      case 0x244b: // sprmPFInnerTableCell
        p.innerCell = op.u8(operand) !== 0;
        break;
      case 0x244c: // sprmPFInnerTtp
        p.innerTtp = op.u8(operand) !== 0;
        break;
      case 0x260a: // sprmPIlvl
        p.ilvl = op.u8(operand);
        break;
      case 0x460b: // sprmPIlfo
        p.ilfo = op.i16(operand);
        break;
      case 0x6646: { // sprmPHugePapx
        const more = depth === 0 ? huge?.(op.i32(operand) >>> 0) : undefined;
        if (more) applyParaSprms(p, more, huge, depth + 1);
        break;
      }
      default:
        // sgc 5: a table sprm, carried by the row-end mark's PAPX.
        if (((sprm >> 10) & 7) === 5) p.row = applyTableSprm(p.row, sprm, operand);
    }
  }
}

export function defaultCharProps(): CharProps {
  return { bold: false, hps: 20, vanish: false, deleted: false, special: false };
}

/**
 * Applies character sprms. Toggle values 0x80/0x81 mean "as the style" /
 * "the opposite of the style" ([MS-DOC] ToggleOperand).
 */
function toggle(v: number, styleValue: boolean): boolean {
  return v === 0x80 ? styleValue : v === 0x81 ? !styleValue : v !== 0;
}

export function applyCharSprms(c: CharProps, grpprl: Uint8Array, style: CharProps, charStyle?: (istd: number) => Uint8Array[]): void {
  for (const { sprm, operand } of sprms(grpprl)) {
    switch (sprm) {
      case 0x0835: // sprmCFBold
        c.bold = toggle(op.u8(operand), style.bold);
        break;
      case 0x4a43: // sprmCHps
        if (op.u16(operand) > 0) c.hps = op.u16(operand);
        break;
      case 0x083c: // sprmCFVanish
        c.vanish = toggle(op.u8(operand), style.vanish);
        break;
      case 0x0800: // sprmCFRMarkDel
        c.deleted = op.u8(operand) !== 0;
        break;
      case 0x0855: // sprmCFSpec
        c.special = op.u8(operand) !== 0;
        break;
      case 0x6a09: // sprmCSymbol: font index, then the character
        c.symbol = op.u16(operand, 2);
        break;
      case 0x4a30: // sprmCIstd: a character style, applied before the run's own sprms
        for (const g of charStyle?.(op.u16(operand)) ?? []) applyCharSprms(c, g, style);
        break;
      default:
        break;
    }
  }
}
