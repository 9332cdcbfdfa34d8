/** Scenario files for the CLI: one Scenario, or `{ "default": Scenario, "apps": { id: Scenario } }`. */
import { isObject } from './state.js'
import type { Emulator, Scenario } from './types.js'

/** Applies a scenario file's text; a single Scenario goes to `appId`, or is the default. */
export function applyScenarioFile(emulator: Pick<Emulator, 'setScenario'>, text: string, appId?: string): void {
  const parsed: unknown = JSON.parse(text)
  if (!isObject(parsed)) throw new Error('The scenario file must hold a JSON object')
  if ('default' in parsed || 'apps' in parsed) {
    if (parsed.default !== undefined) emulator.setScenario(parsed.default as Scenario)
    if (parsed.apps !== undefined && !isObject(parsed.apps)) throw new Error('"apps" must map app ids to scenarios')
    for (const [id, scenario] of Object.entries(parsed.apps ?? {})) emulator.setScenario(scenario as Scenario, id)
    return
  }
  emulator.setScenario(parsed as Scenario, appId)
}
