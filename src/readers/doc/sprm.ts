/**
 * Property modifiers ([MS-DOC] Sprm, Single Property Modifiers):
 * a grpprl is a list of (sprm, operand) pairs; the operand size follows from
 * the sprm's spra bits, with two exceptions of variable size.
 */

export interface Sprm {
  sprm: number;
  /** The operand bytes (for variable-size sprms, without the size prefix). */
  operand: Uint8Array;
}

const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_P_CHG_TABS = 0xc615;

/** Operand size (including any size prefix) of the sprm at `at`, or -1 if it does not fit. */
function operandSize(g: Uint8Array, at: number, sprm: number): { skip: number; size: number } {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return { skip: 0, size: 1 };
    case 2:
    case 4:
    case 5:
      return { skip: 0, size: 2 };
    case 3:
      return { skip: 0, size: 4 };
    case 7:
      return { skip: 0, size: 3 };
    default: // spra 6: variable
      break;
  }
  if (sprm === SPRM_T_DEF_TABLE) {
    // TDefTableOperand.cb is a 2-byte count of the rest of the operand, plus one.
    const cb = (g[at] ?? 0) | ((g[at + 1] ?? 0) << 8);
    return { skip: 2, size: Math.max(0, cb - 1) };
  }
  if (sprm === SPRM_P_CHG_TABS && g[at] === 255) {
    // PChgTabsOperand with cb 255: PChgTabsDelClose then PChgTabsAdd, each counted inside.
    const del = g[at + 1] ?? 0;
    const add = g[at + 2 + del * 4] ?? 0;
    return { skip: 1, size: 1 + del * 4 + 1 + add * 3 };
  }
  return { skip: 1, size: g[at] ?? 0 };
}

/** The sprms of a grpprl, in order; stops at the first one that does not fit. */
export function* sprms(grpprl: Uint8Array): Generator<Sprm> {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl[at]! | (grpprl[at + 1]! << 8);
    at += 2;
    const { skip, size } = operandSize(grpprl, at, sprm);
    const start = at + skip;
    if (start + size > grpprl.length) return;
    yield { sprm, operand: grpprl.subarray(start, start + size) };
    at = start + size;
  }
}

/** Little-endian readers for operands (missing bytes read as 0). */
export const op = {
  u8: (o: Uint8Array, at = 0): number => o[at] ?? 0,
  u16: (o: Uint8Array, at = 0): number => (o[at] ?? 0) | ((o[at + 1] ?? 0) << 8),
  i16: (o: Uint8Array, at = 0): number => (((o[at] ?? 0) | ((o[at + 1] ?? 0) << 8)) << 16) >> 16,
  i32: (o: Uint8Array, at = 0): number => ((o[at] ?? 0) | ((o[at + 1] ?? 0) << 8) | ((o[at + 2] ?? 0) << 16) | ((o[at + 3] ?? 0) << 24)),
};
