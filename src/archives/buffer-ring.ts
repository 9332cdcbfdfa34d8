/**
 * One buffer allocated once and handed out in contiguous pieces, first in first out: the zip writer
 * reads every buffered file into a piece of it (and puts the file's deflated copy back into the same
 * piece), and gives the pieces back in the order it took them, once their entries are on disk.
 *
 * Why not a new Buffer per file: V8 frees an ArrayBuffer only when it collects it, and with the small
 * JavaScript heap of the action it starts a collection for ArrayBuffers only once some 64 MB of them
 * have been allocated since the last one; on the 600 MB test site those dead buffers were about 60 MB
 * of the writer's peak. The ring makes the writer's memory the ring's size whatever the collector
 * does (on Node 20 as well, where releaseMemory cannot free a buffer early).
 *
 * The memory is never zeroed (every piece is overwritten by a read before anything looks at it), so
 * pages the writer never reaches are never touched.
 */

export class BufferRing {
  private memory: Buffer | undefined
  /** Where the next piece goes, unless it does not fit before the end (then at 0). */
  private head = 0
  /** The pieces handed out and not given back, oldest first, as [start, end). */
  private readonly pieces: Array<[number, number]> = []

  constructor(readonly capacity: number) {}

  /** A piece of `bytes` bytes (1 to capacity), or undefined when there is no such room until older pieces are given back. */
  take(bytes: number): Buffer | undefined {
    if (!Number.isInteger(bytes) || bytes < 1 || bytes > this.capacity)
      throw new RangeError(`a piece of ${bytes} bytes cannot fit in a ring of ${this.capacity}`)
    const start = this.placeFor(bytes)
    if (start === undefined) return undefined
    this.memory ??= Buffer.allocUnsafeSlow(this.capacity)
    this.pieces.push([start, start + bytes])
    this.head = start + bytes
    return this.memory.subarray(start, start + bytes)
  }

  /** Gives back the `count` oldest pieces. */
  giveBack(count: number): void {
    if (count > this.pieces.length) throw new RangeError(`giving back ${count} pieces of ${this.pieces.length}`)
    this.pieces.splice(0, count)
    if (this.pieces.length === 0) this.head = 0
  }

  /** Pieces handed out and not given back yet. */
  get taken(): number {
    return this.pieces.length
  }

  private placeFor(bytes: number): number | undefined {
    const oldest = this.pieces[0]
    if (oldest === undefined) return 0
    const tail = oldest[0]
    // Pieces are never empty, so the head is at the oldest piece's start only when the ring is full.
    if (this.head > tail) {
      // Not wrapped: room from the head to the end, else from 0 to the oldest piece.
      if (this.capacity - this.head >= bytes) return this.head
      return tail >= bytes ? 0 : undefined
    }
    // Wrapped: room from the head to the oldest piece only.
    return tail - this.head >= bytes ? this.head : undefined
  }
}
