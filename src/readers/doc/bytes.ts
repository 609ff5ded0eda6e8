/**
 * Bounds-checked little-endian reads over one stream. Every offset in a .doc
 * comes from the file itself, so a read past the end must fail cleanly (as a
 * `CorruptDoc`) rather than return `undefined` and wander on.
 */

/** A structural error in the file; readDoc turns it into an `InputError`. */
export class CorruptDoc extends Error {
  override readonly name = 'CorruptDoc';
}

export class Bytes {
  private readonly view: DataView;

  constructor(readonly data: Uint8Array, readonly label: string) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get length(): number {
    return this.data.byteLength;
  }

  /** Throws unless `[offset, offset + size)` lies inside the stream. */
  check(offset: number, size: number, what: string): void {
    if (!Number.isInteger(offset) || !Number.isInteger(size) || offset < 0 || size < 0 || offset + size > this.length) {
      throw new CorruptDoc(`${what} lies outside the ${this.label} stream (offset ${offset}, ${size} bytes)`);
    }
  }

  u8(offset: number): number {
    this.check(offset, 1, 'a byte');
    return this.view.getUint8(offset);
  }

  u16(offset: number): number {
    this.check(offset, 2, 'a 16-bit value');
    return this.view.getUint16(offset, true);
  }

  i16(offset: number): number {
    this.check(offset, 2, 'a 16-bit value');
    return this.view.getInt16(offset, true);
  }

  u32(offset: number): number {
    this.check(offset, 4, 'a 32-bit value');
    return this.view.getUint32(offset, true);
  }

  i32(offset: number): number {
    this.check(offset, 4, 'a 32-bit value');
    return this.view.getInt32(offset, true);
  }

  /** A checked sub-range, sharing the bytes. */
  slice(offset: number, size: number, what: string): Bytes {
    this.check(offset, size, what);
    return new Bytes(this.data.subarray(offset, offset + size), this.label);
  }
}
