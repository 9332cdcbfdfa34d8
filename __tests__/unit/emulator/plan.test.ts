import { describe, expect, it } from '@jest/globals'
import { ratioHits } from '../../../emulator/faults.js'
import { planJob, viewJob } from '../../../emulator/hosting-plan.js'
import { applyScenarioFile } from '../../../emulator/scenario-file.js'
import { phaseAt } from '../../../emulator/timeline.js'
import type { Scenario } from '../../../emulator/types.js'

describe('timeline', () => {
  it('walks the phases; the last one lasts forever', () => {
    const phases = [{ status: 'A', forMs: 10 }, { status: 'B', forMs: 5 }, { status: 'C' }]
    expect([0, 9, 10, 14, 15, 1e9].map(t => phaseAt(phases, t).status)).toEqual(['A', 'A', 'B', 'B', 'C', 'C'])
    expect(phaseAt(phases, 20).final).toBe(true)
  })
})

describe('hosting job plan', () => {
  it('runs the default steps inside RUNNING and ends SUCCEED when they are done', () => {
    const plan = planJob({})
    expect(plan.steps.map(s => [s.stepName, s.startMs, s.endMs])).toEqual([
      ['BUILD', 400, 733],
      ['DEPLOY', 733, 1066],
      ['VERIFY', 1066, 1399]
    ])
    expect(plan.end).toEqual({ atMs: 1400, status: 'SUCCEED' })
    expect(viewJob(plan, 100)).toEqual({ status: 'PENDING', steps: [] })
    expect(viewJob(plan, 300).status).toBe('PROVISIONING')
    const midway = viewJob(plan, 800)
    expect(midway.status).toBe('RUNNING')
    expect(midway.steps.map(s => s.status)).toEqual(['SUCCEED', 'RUNNING'])
    expect(viewJob(plan, 1400)).toMatchObject({ status: 'SUCCEED', endMs: 1400 })
  })

  it('waits for steps longer than RUNNING before SUCCEED', () => {
    const plan = planJob({ statuses: [{ status: 'RUNNING', forMs: 10 }, { status: 'SUCCEED' }], steps: [{ stepName: 'BUILD', durationMs: 50 }] })
    expect(viewJob(plan, 30).status).toBe('RUNNING')
    expect(viewJob(plan, 50).status).toBe('SUCCEED')
  })

  it('ends FAILED at the failing step; later steps never run', () => {
    const plan = planJob({ failStep: { stepName: 'DEPLOY', statusReason: 'Access denied' } })
    const view = viewJob(plan, 5000)
    expect(view.status).toBe('FAILED')
    expect(view.steps.map(s => [s.stepName, s.status, s.statusReason])).toEqual([
      ['BUILD', 'SUCCEED', undefined],
      ['DEPLOY', 'FAILED', 'Access denied']
    ])
  })

  it('cancels: CANCELLING for the stop delay, then CANCELLED with the running step cancelled', () => {
    const plan = planJob({})
    const stop = { atMs: 500, delayMs: 100 }
    expect(viewJob(plan, 550, stop).status).toBe('CANCELLING')
    expect(viewJob(plan, 550, stop).steps.map(s => s.status)).toEqual(['RUNNING'])
    const after = viewJob(plan, 5000, stop)
    expect(after).toMatchObject({ status: 'CANCELLED', endMs: 600 })
    expect(after.steps.map(s => [s.stepName, s.status, s.endMs])).toEqual([['BUILD', 'CANCELLED', 600]])
  })

  it('cancels a PENDING job without steps', () => {
    expect(viewJob(planJob({}), 1000, { atMs: 50, delayMs: 0 })).toEqual({ status: 'CANCELLED', endMs: 50, steps: [] })
  })

  it('never ends with neverEnds, keeping the last step running', () => {
    const view = viewJob(planJob({ neverEnds: true }), 1e7)
    expect(view.status).toBe('RUNNING')
    expect(view.steps.at(-1)?.status).toBe('RUNNING')
  })
})

describe('throttleRatio pattern', () => {
  it('spreads the share evenly and deterministically', () => {
    const pattern = (ratio: number) => Array.from({ length: 8 }, (_, k) => (ratioHits(k, ratio) ? 1 : 0)).join('')
    expect(pattern(0.5)).toBe('01010101')
    expect(pattern(0.25)).toBe('00010001')
    expect(pattern(1)).toBe('11111111')
    expect(pattern(0)).toBe('00000000')
  })
})

describe('scenario files', () => {
  it('take one scenario or a default plus per-app scenarios', () => {
    const set: [Scenario, string | undefined][] = []
    const target = { setScenario: (scenario: Scenario, appId?: string) => void set.push([scenario, appId]) }
    applyScenarioFile(target, '{"durationMs": 5}', 'dapp')
    applyScenarioFile(target, '{"default": {"fail": "x"}, "apps": {"d1": {"neverEnds": true}}}')
    expect(set).toEqual([
      [{ durationMs: 5 }, 'dapp'],
      [{ fail: 'x' }, undefined],
      [{ neverEnds: true }, 'd1']
    ])
  })
})
