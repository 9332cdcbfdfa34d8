import { BufferRing } from '../../../src/archives/buffer-ring.js'

/** Where a piece starts in the ring's memory (pieces are views on one buffer). */
function offsetOf(piece: Buffer, first: Buffer): number {
  return piece.byteOffset - first.byteOffset
}

describe('BufferRing', () => {
  it('hands out pieces one after the other, of the asked size, on one memory', () => {
    const ring = new BufferRing(100)
    const a = ring.take(30)!
    const b = ring.take(50)!
    expect(a.length).toBe(30)
    expect(b.length).toBe(50)
    expect(b.buffer).toBe(a.buffer)
    expect(offsetOf(b, a)).toBe(30)
    expect(ring.taken).toBe(2)
  })

  it('refuses a piece that does not fit until the oldest ones are given back, then wraps to the start', () => {
    const ring = new BufferRing(100)
    const first = ring.take(40)!
    ring.take(40)
    expect(ring.take(30)).toBeUndefined() // 20 left at the end, 0 before the oldest piece
    ring.giveBack(1)
    const wrapped = ring.take(30)!
    expect(offsetOf(wrapped, first)).toBe(0)
    // Wrapped: only the 10 bytes up to the oldest piece (at 40) are free.
    expect(ring.take(11)).toBeUndefined()
    expect(offsetOf(ring.take(10)!, first)).toBe(30)
    expect(ring.take(1)).toBeUndefined() // full
    ring.giveBack(1) // the piece at 40..80: the oldest is now at 0, the head at 40
    expect(offsetOf(ring.take(60)!, first)).toBe(40)
  })

  it('starts again at 0 once every piece is back, and never hands out overlapping pieces', () => {
    const ring = new BufferRing(64)
    const live: Array<{ piece: Buffer; mark: number }> = []
    let mark = 0
    let first: Buffer | undefined
    // A fixed pseudo-random sequence of sizes and give-backs; every piece is filled with its own mark.
    let state = 12345
    const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let step = 0; step < 2000; step++) {
      const piece = ring.take(1 + Math.floor(next() * 40))
      if (piece === undefined) {
        const count = 1 + Math.floor(next() * live.length)
        ring.giveBack(count)
        live.splice(0, count)
        continue
      }
      first ??= piece
      piece.fill(++mark % 256)
      live.push({ piece, mark: mark % 256 })
      for (const { piece: held, mark: expected } of live) expect(held.every(byte => byte === expected)).toBe(true)
    }
    ring.giveBack(live.length)
    expect(ring.taken).toBe(0)
    expect(offsetOf(ring.take(64)!, first!)).toBe(0)
  })

  it('rejects sizes it can never hand out and giving back more than was taken', () => {
    const ring = new BufferRing(10)
    expect(() => ring.take(0)).toThrow(RangeError)
    expect(() => ring.take(11)).toThrow(RangeError)
    expect(() => ring.giveBack(1)).toThrow(RangeError)
  })
})
