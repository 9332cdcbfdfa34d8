import { CAN_RELEASE_MEMORY, releaseMemory } from '../../../src/archives/release-memory.js'

describe('releaseMemory', () => {
  it('frees a large buffer of its own where the runtime can (Node 21 and later), and leaves it alone elsewhere', () => {
    const buffer = Buffer.allocUnsafeSlow(Buffer.poolSize * 4).fill(7)
    releaseMemory(buffer)
    if (CAN_RELEASE_MEMORY) {
      expect(buffer.length).toBe(0)
      expect((buffer.buffer as ArrayBuffer & { detached?: boolean }).detached).toBe(true)
    } else {
      expect(buffer.length).toBe(Buffer.poolSize * 4)
      expect(buffer.every(byte => byte === 7)).toBe(true)
    }
  })

  it("never touches a slice of Node's shared pool, nor a small buffer", () => {
    const pooled = Buffer.allocUnsafe(16).fill(1)
    const neighbour = Buffer.allocUnsafe(16).fill(2)
    releaseMemory(pooled)
    expect(pooled.length).toBe(16)
    expect(pooled.every(byte => byte === 1)).toBe(true)
    expect(neighbour.every(byte => byte === 2)).toBe(true)
    const small = Buffer.allocUnsafeSlow(100).fill(3)
    releaseMemory(small)
    expect(small.length).toBe(100)
  })
})
