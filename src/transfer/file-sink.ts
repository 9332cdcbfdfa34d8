/**
 * The end of every download and unpack pipeline: a Writable that writes into an open file from
 * position 0 on. Chunks that queue up while one write is in flight go out together in one writev,
 * so a fast source (a socket, a zip entry) costs one round trip to the thread pool per batch rather
 * than one per 16-64 KiB chunk, and the source keeps reading meanwhile. The zip writer also starts
 * one at an entry's data, past a local header it writes afterwards.
 */
import type { FileHandle } from 'node:fs/promises'
import { Writable } from 'node:stream'

/** What may queue up in memory while a write is in flight (the stream's highWaterMark). */
export const FILE_SINK_BUFFER_BYTES = 1024 * 1024

export interface FileSinkOptions {
  /** Sees every chunk, in order, before it is written (to hash or count it). */
  onChunk?: (chunk: Buffer) => void
  /** The error the pipeline rejects with when a write fails (default: the file system's own). */
  wrapError?: (error: unknown) => Error
  /** Where in the file the first chunk goes (default 0). */
  start?: number
}

/** A Writable for `handle`, writing from position `start` (default 0) on. */
export function fileSink(handle: FileHandle, { onChunk, wrapError = error => error as Error, start = 0 }: FileSinkOptions = {}): Writable {
  let position = start
  return new Writable({
    highWaterMark: FILE_SINK_BUFFER_BYTES,
    writev(chunks, callback) {
      const buffers = chunks.map(({ chunk }) => chunk as Buffer)
      const at = position
      for (const buffer of buffers) {
        onChunk?.(buffer)
        position += buffer.length
      }
      writeAll(handle, buffers, at).then(
        () => callback(),
        (error: unknown) => callback(wrapError(error))
      )
    }
  })
}

/** writev at `position` until every byte is written: a regular file may take fewer bytes than offered. */
export async function writeAll(handle: FileHandle, buffers: Buffer[], position: number): Promise<void> {
  let pending = buffers
  let at = position
  while (pending.length > 0) {
    const { bytesWritten } = await handle.writev(pending, at)
    if (bytesWritten === 0) throw new Error('the file system accepted no bytes')
    at += bytesWritten
    let skip = bytesWritten
    const rest: Buffer[] = []
    for (const buffer of pending) {
      if (skip >= buffer.length) {
        skip -= buffer.length
        continue
      }
      rest.push(skip > 0 ? buffer.subarray(skip) : buffer)
      skip = 0
    }
    pending = rest
  }
}
