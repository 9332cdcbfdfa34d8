/** What every service module of the emulator shares. */
import type { PresignStore } from './presign.js'
import type { Route } from './router.js'
import type { ScenarioStore } from './scenarios.js'

export interface SharedState {
  presign: PresignStore
  scenarios: ScenarioStore
  /** Aborted when the emulator closes. */
  signal: AbortSignal
  /** A private temp folder for large generated files, removed on close. */
  scratchDir: () => Promise<string>
}

/** One emulated service: its routes, and a way to forget its jobs. */
export interface ServiceModule {
  routes(): Route[]
  reset(): void
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
