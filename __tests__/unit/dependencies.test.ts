import { describe, expect, it } from '@jest/globals'
import { checkDependencies, type DependencyCheck, dependencyWarning, type RequiredDependency } from '../../src/dependencies.js'

const amplify: RequiredDependency = { name: 'aws-amplify', supportedVersion: '^6.0.0', isSemVer: true, reason: 'Required for the generated models' }
const uiReact: RequiredDependency = { name: '@aws-amplify/ui-react', supportedVersion: '^6.1.0', isSemVer: true, reason: '' }

function stateFor(installed: string | undefined, required: RequiredDependency = amplify): DependencyCheck {
  const manifest = installed === undefined ? { dependencies: {} } : { dependencies: { [required.name]: installed } }
  return checkDependencies([required], manifest)[0]!
}

describe('checkDependencies', () => {
  it.each([
    ['^6.0.0', 'ok'],
    ['^6.2.1', 'ok'],
    ['6.0.0', 'ok'],
    ['~6.3.0', 'ok'],
    ['6.x', 'ok'],
    ['^5.0.0', 'out of range'],
    ['5.3.12', 'out of range'],
    ['>=5.0.0', 'out of range'],
    ['*', 'out of range'],
    ['latest', 'not comparable'],
    ['workspace:*', 'not comparable'],
    ['file:../amplify-js', 'not comparable'],
    ['github:aws-amplify/amplify-js', 'not comparable']
  ])('package.json %j against ^6.0.0 is %s', (installed, state) => {
    const check = stateFor(installed)
    expect(check.state).toBe(state)
    expect(check.installed).toBe(installed)
  })

  it('is missing when package.json does not list the package, or there is no package.json', () => {
    expect(stateFor(undefined).state).toBe('missing')
    expect(stateFor(undefined).installed).toBeUndefined()
    expect(checkDependencies([amplify], undefined)[0]!.state).toBe('missing')
    expect(checkDependencies([amplify], { dependencies: { 'aws-amplify': 6 } })[0]!.state).toBe('missing')
  })

  it('counts devDependencies, after dependencies', () => {
    expect(checkDependencies([amplify], { devDependencies: { 'aws-amplify': '^6.0.0' } })[0]).toMatchObject({ state: 'ok', installed: '^6.0.0' })
    expect(checkDependencies([amplify], { dependencies: { 'aws-amplify': '^5.0.0' }, devDependencies: { 'aws-amplify': '^6.0.0' } })[0]).toMatchObject({
      state: 'out of range',
      installed: '^5.0.0'
    })
  })

  it('compares versions that are not semver as text', () => {
    const tagged: RequiredDependency = { name: 'aws-amplify', supportedVersion: 'next', isSemVer: false, reason: '' }
    expect(stateFor('next', tagged).state).toBe('ok')
    expect(stateFor('latest', tagged).state).toBe('not comparable')
  })

  it('is not comparable when the required range is not semver although it says so', () => {
    expect(stateFor('^6.0.0', { ...amplify, supportedVersion: 'six' }).state).toBe('not comparable')
  })

  it('keeps the fields of the requirement, drops entries without a name and keeps the order', () => {
    const checks = checkDependencies([uiReact, { ...amplify, name: '' }, amplify], {
      dependencies: { 'aws-amplify': '^6.0.0', '@aws-amplify/ui-react': '^5.0.0' }
    })
    expect(checks).toEqual([
      { ...uiReact, installed: '^5.0.0', state: 'out of range' },
      { ...amplify, installed: '^6.0.0', state: 'ok' }
    ])
  })
})

describe('dependencyWarning', () => {
  it('says what to install for a missing package', () => {
    expect(dependencyWarning(stateFor(undefined))).toBe(
      'The generated UI code needs aws-amplify ^6.0.0 (Required for the generated models), but package.json does not list it. Run: npm install aws-amplify@"^6.0.0"'
    )
  })

  it('says what package.json allows for one out of range', () => {
    expect(dependencyWarning(stateFor('^5.0.0', uiReact))).toBe(
      'The generated UI code needs @aws-amplify/ui-react ^6.1.0, but package.json allows ^5.0.0. Run: npm install @aws-amplify/ui-react@"^6.1.0"'
    )
  })

  it('is silent for ok and not comparable', () => {
    expect(dependencyWarning(stateFor('^6.0.0'))).toBeUndefined()
    expect(dependencyWarning(stateFor('latest'))).toBeUndefined()
  })
})
