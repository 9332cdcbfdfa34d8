/**
 * Amplify Hosting step logs that read like the real ones (timestamped `[INFO]:` lines, phases,
 * npm output), so the action's "show the failing step's log" path has something realistic to
 * show: a failed BUILD log is a few hundred lines long and ends in the error.
 */

const LINE_INTERVAL_MS = 137
/** Packages listed in the install phase; long enough to make the log a few hundred lines. */
const INSTALLED_PACKAGES = [
  'react',
  'react-dom',
  'aws-amplify',
  '@aws-amplify/ui-react',
  'vite',
  '@vitejs/plugin-react',
  'typescript',
  'eslint',
  'prettier',
  'postcss',
  'autoprefixer',
  'tailwindcss',
  'esbuild',
  'rollup',
  'zod',
  'date-fns'
]
const BUILD_MODULES = 250

function stamp(startMs: number, line: number): string {
  return new Date(startMs + line * LINE_INTERVAL_MS).toISOString()
}

function timestamped(startMs: number, lines: readonly string[]): string {
  return lines.map((line, i) => `${stamp(startMs, i)} ${line}`).join('\n') + '\n'
}

function installLines(): string[] {
  const lines = ['[INFO]: # Executing command: npm ci']
  for (const name of INSTALLED_PACKAGES) {
    lines.push(`[INFO]: npm http fetch GET 200 https://registry.npmjs.org/${name} 84ms (cache revalidated)`)
  }
  lines.push('[INFO]: added 1287 packages, and audited 1288 packages in 41s')
  lines.push('[INFO]: 214 packages are looking for funding')
  lines.push('[INFO]:   run `npm fund` for details')
  lines.push('[INFO]: found 0 vulnerabilities')
  return lines
}

function moduleLines(count: number): string[] {
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    const folder = ['components', 'ui-components', 'pages', 'hooks', 'lib'][i % 5] as string
    lines.push(`[INFO]: transforming src/${folder}/module-${String(i).padStart(3, '0')}.tsx`)
  }
  return lines
}

function preamble(appId: string, branch: string, jobId: string): string[] {
  return [
    '[INFO]: # Build environment configured with Standard build compute type: 8GiB Memory, 4vCPUs, 128GB Disk Space',
    `[INFO]: # Cloning repository: git@github.com:example/${appId}.git`,
    '[INFO]: ',
    `[INFO]: Cloning into '${branch}'...`,
    `[INFO]: # Switching to commit: ${jobId.padStart(7, '0')}f00dbabe`,
    '[INFO]: Agent pid 161',
    '[INFO]: Identity removed: /root/.ssh/git_rsa',
    '[INFO]: # Checking for Git submodules at: /codebuild/output/src1/src/app/.gitmodules',
    '[INFO]: # Retrieving environment cache...',
    '[WARNING]: ! Unable to write cache: {"code":"ERR_BAD_REQUEST","message":"Request failed with status code 404"}',
    '[INFO]: # Retrieved environment cache',
    '---- Setting Up SSM Secrets ----',
    'SSM params {"Path":"/amplify/' + appId + '/' + branch + '/","WithDecryption":true}',
    '[INFO]: # No live updates for this build run',
    '[INFO]: # Retrieving cache...',
    '[INFO]: # Retrieved cache',
    '[INFO]: ## Starting Backend Build',
    '[INFO]: ## Completed Backend Build',
    '[INFO]: ## Starting Frontend Build',
    '[INFO]: # Starting phase: preBuild'
  ]
}

/** The BUILD step's log; `failure` makes it end in a failed TypeScript build. */
export function buildLog(options: { appId: string; branch: string; jobId: string; startMs: number; failure?: string }): string {
  const lines = [...preamble(options.appId, options.branch, options.jobId), ...installLines(), '[INFO]: # Completed phase: preBuild']
  lines.push(
    '[INFO]: # Starting phase: build',
    '[INFO]: # Executing command: npm run build',
    '[INFO]: ',
    '[INFO]: > app@0.1.0 build',
    '[INFO]: > tsc && vite build'
  )
  lines.push('[INFO]: vite v5.4.10 building for production...')
  lines.push(...moduleLines(BUILD_MODULES))
  if (options.failure !== undefined) {
    lines.push(
      "[INFO]: src/App.tsx(4,30): error TS2307: Cannot find module './ui-components' or its corresponding type declarations.",
      "[INFO]: src/pages/Home.tsx(12,8): error TS2305: Module '\"./ui-components\"' has no exported member 'HeroLayout'.",
      '[INFO]: Found 2 errors in 2 files.',
      '[INFO]: Errors  Files',
      '[INFO]:      1  src/App.tsx:4',
      '[INFO]:      1  src/pages/Home.tsx:12',
      '[WARNING]: !!! Build failed',
      `[WARNING]: !!! ${options.failure}`,
      '[ERROR]: !!! Error: Command failed with exit code 2'
    )
    return timestamped(options.startMs, lines)
  }
  lines.push(
    `[INFO]: ✓ ${BUILD_MODULES * 11} modules transformed.`,
    '[INFO]: dist/index.html                   0.46 kB │ gzip:  0.30 kB',
    '[INFO]: dist/assets/index-3f2a1b9c.css    1.39 kB │ gzip:  0.72 kB',
    '[INFO]: dist/assets/index-9c8d7e6f.js   412.07 kB │ gzip: 121.55 kB',
    '[INFO]: ✓ built in 9.87s',
    '[INFO]: # Completed phase: build',
    '[INFO]: ## Completed Frontend Build',
    '[INFO]: ## Build completed successfully',
    '[INFO]: # Starting caching...',
    '[INFO]: # Creating cache artifact...',
    '[INFO]: # Created cache artifact',
    '[INFO]: # Uploading cache artifact...',
    '[INFO]: # Uploaded cache artifact',
    '[INFO]: # Caching completed'
  )
  return timestamped(options.startMs, lines)
}

/** Logs of the other steps: short, like the real DEPLOY and VERIFY logs. */
export function stepLog(stepName: string, startMs: number, failure?: string): string {
  const lines =
    stepName === 'DEPLOY'
      ? [
          '[INFO]: Starting Deployment',
          '[INFO]: Uploading build artifacts to the hosting bucket',
          '[INFO]: Updating distribution configuration',
          '[INFO]: Invalidating the cache'
        ]
      : stepName === 'VERIFY'
        ? ['[INFO]: Starting verification', '[INFO]: Fetching index.html from the deployed site', '[INFO]: Status 200 OK']
        : [`[INFO]: Starting ${stepName}`]
  if (failure !== undefined) lines.push(`[ERROR]: !!! ${failure}`)
  else lines.push(`[INFO]: ${stepName === 'DEPLOY' ? 'Deployment' : stepName === 'VERIFY' ? 'Verification' : stepName} complete`)
  return timestamped(startMs, lines)
}

/** The first part of a log, for a step still running (`progress` 0..1). */
export function partialLog(log: string, progress: number): string {
  const lines = log.split('\n')
  const keep = Math.max(1, Math.floor(lines.length * Math.min(1, Math.max(0, progress))))
  return lines.slice(0, keep).join('\n') + (keep < lines.length ? '\n' : '')
}
