/** A timer that ends early (without error) when any of the signals aborts, so close() never waits. */
export function sleep(ms: number, ...signals: AbortSignal[]): Promise<void> {
  return new Promise(resolve => {
    if (signals.some(signal => signal.aborted)) {
      resolve()
      return
    }
    const done = (): void => {
      clearTimeout(timer)
      for (const signal of signals) signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = Number.isFinite(ms) ? setTimeout(done, Math.max(0, ms)) : undefined
    for (const signal of signals) signal.addEventListener('abort', done, { once: true })
  })
}
