/**
 * Gives a large Buffer's memory back at once instead of at V8's next garbage collection.
 *
 * Why: V8 frees an ArrayBuffer's memory only when it collects the ArrayBuffer, and with a small
 * JavaScript heap it starts a collection because of ArrayBuffers only once some 64 MB of them have
 * been allocated since the last one. The zip writer gets a new buffer from zlib for every file it
 * deflates (copied into its ring at once): left to the collector, those made up to 60 MB of its
 * peak memory on the 600 MB test site. Detaching the ArrayBuffer (ArrayBuffer.prototype.transfer to
 * length 0, in V8 since Node 21) frees its memory on the spot; on an older Node this does nothing and
 * the collector frees it as before.
 *
 * Only for a buffer whose memory nothing else can see: one on an ArrayBuffer of its own, larger than
 * Buffer.poolSize (Node hands out small buffers as slices of a shared pool of that size, which must
 * never be detached, and refuses to), with no other view on it still in use.
 */

interface Transferable {
  transfer?: (length: number) => ArrayBuffer
  detached?: boolean
}

/** Whether this runtime can free an ArrayBuffer before the collector does. */
export const CAN_RELEASE_MEMORY = typeof (ArrayBuffer.prototype as Transferable).transfer === 'function'

/** Frees `buffer`'s memory now when it is its own (see above) and the runtime allows; afterwards `buffer` is empty. */
export function releaseMemory(buffer: Buffer): void {
  const memory = buffer.buffer as ArrayBuffer & Transferable
  if (!CAN_RELEASE_MEMORY || !(memory instanceof ArrayBuffer) || memory.byteLength <= Buffer.poolSize || memory.detached === true) return
  try {
    memory.transfer!(0)
  } catch {
    // Not detachable after all (an ArrayBuffer Node marked as untransferable): the collector frees it.
  }
}
