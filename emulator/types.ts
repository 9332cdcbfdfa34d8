/**
 * The emulator's public shapes: what a test or the demo may ask for (Scenario) and what it can
 * observe afterwards (RecordedRequest, Emulator). Everything in a Scenario is optional; the defaults
 * describe a healthy, quick job.
 */

/** Which part of the emulator answered a request. */
export type ServiceName = 'uibuilder' | 'amplify' | 'backend' | 'download' | 'upload' | 'control'

/** One HTTP request as it arrived, with what the emulator answered. */
export interface RecordedRequest {
  service: ServiceName
  /** AWS operation name (StartCodegenJob, GetJob, StopJob, GetBackendJob, ...), `Download` for a
   * presigned GET or HEAD, `Upload` for a presigned PUT, the control action for `/__emulator/*`,
   * or `Unknown`. */
  operation: string
  method: string
  /** Path as sent (still percent-encoded). */
  path: string
  query: Record<string, string>
  /** Lower-case header names. */
  headers: Record<string, string>
  /** The JSON body, parsed; undefined when there was none or it was not JSON. */
  body: unknown
  /** Status code answered; 0 while unanswered or when the connection was destroyed instead. */
  status: number
  /** Epoch milliseconds when the request arrived. */
  time: number
  /** App id the request was about, when known. */
  appId?: string
  /** Downloads: the file behind the presigned URL (e.g. `Button.jsx`, `manifest.json`). */
  fileName?: string
  /** The fault injected into this answer, if any (`throttle`, `serverError`, `truncate`, `reset`, `status503`, ...). */
  fault?: string
  /** Uploads: body bytes received, also when the upload was refused, failed or reset. */
  bytes?: number
}

/** Fail the first `times` calls, optionally only of these operation names. */
export interface CallFault {
  times: number
  operations?: string[]
}

export interface ServerErrorFault extends CallFault {
  /** 500 (default) or 503; AmplifyBackend always answers GatewayTimeoutException, default 504. */
  status?: number
}

/** Faults of presigned downloads (S3-like). Counters are per file and reset by setScenario. */
export interface DownloadFaults {
  /** Added before every download, like S3's first-byte latency. */
  latencyMs?: number
  /** Answer this S3 error for the first `failTimes` downloads of each file. */
  failStatus?: 500 | 503 | 429 | 403 | 404
  failTimes?: number
  /** Limit failStatus, truncate, stall, reset and bytesPerSecond to these file names. */
  failFiles?: string[]
  /** Pace the body at this rate. */
  bytesPerSecond?: number
  /** Declare the full Content-Length, send about half, then destroy the socket. `true`: every
   * download; a number: the first N downloads of each file. */
  truncate?: boolean | number
  /** Send this many body bytes, then hang for `stallMs` (default: until the client gives up). */
  stallAfterBytes?: number
  stallMs?: number
  /** Stall only the first N downloads of each file (default: all). */
  stallTimes?: number
  /** Destroy the connection without answering for the first N downloads of each file. */
  resetTimes?: number
  /** X-Amz-Expires of issued URLs (default 900); an expired URL gets 403 like S3. */
  expiresSeconds?: number
}

/**
 * Faults of the presigned PUT of a manual deployment's zip (S3-like). Counted per scope (the app,
 * or the default) over all its PUTs, restarted when the scope's scenario is set again. A refused
 * PUT (411, a bad signature, an expired URL) is not counted.
 */
export interface UploadFaults {
  /** Added before every answer, like S3's latency. */
  latencyMs?: number
  /** Answer this S3 error, after reading the body, for the first `failTimes` PUTs (default: every PUT). */
  failStatus?: 500 | 503 | 403
  failTimes?: number
  /** Destroy the connection without answering, after reading `resetAfterBytes` of the body
   * (default: half of it), for the first N PUTs. Comes before failStatus. */
  resetTimes?: number
  resetAfterBytes?: number
  /** X-Amz-Expires of the zipUploadUrl (default 900); an expired URL gets 403 like S3. */
  expiresSeconds?: number
}

/** The Amplify app every app id stands for (apps exist implicitly). */
export interface AppSpec {
  /** Default: the app id. */
  name?: string
  /** Default WEB. WEB_COMPUTE (SSR) apps refuse manual deployments. */
  platform?: 'WEB' | 'WEB_DYNAMIC' | 'WEB_COMPUTE'
  /** Default `<appId>.amplifyapp.com`. */
  defaultDomain?: string
  /** Every app-level call (GetApp, branches, domains, deployments) answers NotFoundException. */
  notFound?: boolean
}

/** A branch the app has from the start. */
export interface BranchSpec {
  branchName: string
  /** Default: derived from the branch name (hosting-branches.ts displayNameOf). */
  displayName?: string
  /** One of the service's Stage values (PRODUCTION, BETA, DEVELOPMENT, EXPERIMENTAL,
   * PULL_REQUEST); default NONE, what the service shows for a branch without a stage. */
  stage?: string
  tags?: Record<string, string>
}

export interface SubDomainSpec {
  /** '' maps the branch to the apex of the domain. */
  prefix: string
  branchName: string
  /** Default true. */
  verified?: boolean
}

/** A custom domain of the app, as ListDomainAssociations answers it. */
export interface DomainSpec {
  domainName: string
  /** One of the service's DomainStatus values; default AVAILABLE. */
  domainStatus?: string
  subDomains: SubDomainSpec[]
}

export interface CodegenErrorEntry {
  schemaName: string
  error: string
}

export interface ManifestEntryError {
  schemaName: string
  /** Default: the entry of that schema, or `<schemaName>.jsx` for a new one. */
  fileName?: string
  /** Set `error` on the entry (default when neither error nor noUrl is given). */
  error?: string
  /** Leave out `downloadUrl`. */
  noUrl?: boolean
}

export interface CodegenDependency {
  name: string
  supportedVersion: string
  isSemVer: boolean
  reason: string
}

/**
 * One phase of a job's status; the last phase is final (its length is ignored). A phase lasts
 * `forMs` on the wall clock, or `forReads` reads of the job: a job whose phases (or, for Hosting,
 * steps) are given in reads runs on the read clock, where each answered read (GetJob,
 * GetBackendJob) moves it on by one tick (timeline.ts READ_TICK_MS, 1 s of the job's own time, on
 * its timestamps too) and nothing else does. So `[{ status: 'PENDING', forReads: 2 }, ...]` is
 * what the first two reads see, however slow the machine. A job uses one kind, not both.
 */
export interface StatusPhase {
  status: string
  forMs?: number
  /** A whole number of reads, at least 1. */
  forReads?: number
}

export interface StepSpec {
  stepName: string
  /** How the step ends (default SUCCEED). FAILED ends the job FAILED when the step ends. */
  status?: string
  /** On the wall clock. Without a length, the steps share the RUNNING phase equally. */
  durationMs?: number
  /** On the read clock (the job's phases in forReads): how many reads the step lasts. */
  forReads?: number
  log?: string
  statusReason?: string
}

export interface FailStepSpec {
  stepName: string
  statusReason?: string
  /** Default: a realistic build log of a few hundred lines ending in an error. */
  log?: string
}

/**
 * bomb: one entry of `bombMb` MiB of zeros (declared honestly). bombs: five such entries sharing
 * one deflated stream, declaring five times that in total. fifo: an entry whose unix mode is a
 * named pipe (zip has no hard-link entries; other unix file types are what it can carry).
 */
export type HostileArtifact = 'symlink' | 'dotdot' | 'absolute' | 'lyingSize' | 'bomb' | 'bombs' | 'caseCollision' | 'fifo'

export interface ArtifactSpec {
  /** Number of files in the zip (default: a small static site of 4 files). */
  files?: number
  /** Total size of incompressible data; generated once into a temp file and streamed. */
  sizeMb?: number
  hostile?: HostileArtifact
  /** Uncompressed size of the `bomb` entry (default 1024 MiB of zeros, about 4.5 MB zipped). */
  bombMb?: number
  /** Where the zip is offered: the BUILD step's artifactsUrl, ListArtifacts, or both (default). */
  via?: 'step' | 'list'
  /** ListArtifacts lists this many artifacts (default 1), each with its own id, in pages of at
   * most 50 (`maxResults`, `nextToken`). Without `distinct` each is the same zip. */
  listed?: number
  /** With `listed`: artifact N (2, 3, ...) is a zip of its own holding one file,
   * `listed/artifact-000N.txt` (`artifacts-N.zip`); the first stays the job's zip. So a job of
   * `listed: 60, distinct: true` has 60 artifacts that only a client reading every page gets all of. */
  distinct?: boolean
}

export interface BackendScenario {
  /** Default IN_PROGRESS for 1000 ms, then COMPLETED. The service's status is a free string
   * (COMPLETED, FAILED, anything else in flight); the emulator takes upper-case words
   * (`IN_PROGRESS`, `PUSHING`), the only form the service is known to send. */
  statuses?: StatusPhase[]
  /** The `error` field once the job is FAILED (or always, when given and the status is final). */
  error?: string
  /** Default `CreateBackendAPI`. */
  operation?: string
  /** Every GetBackendJob answers 404 NotFoundException. */
  notFound?: boolean
}

/**
 * What the emulator should do. Set per app id or as the default for all apps; an app's scenario is
 * laid over the default key by key. Faults count per scope (the app, or the default) and restart
 * when the scenario is set again.
 */
export interface Scenario {
  // ---- faults of all three services ----
  /** 429 for the first N matching calls. */
  throttle?: CallFault
  /** 500/503 (504 for AmplifyBackend) for the first N matching calls. */
  serverErrors?: ServerErrorFault
  /** Throttle this share (0..1) of calls, in a fixed pattern (0.5 = every second call). */
  throttleRatio?: number
  /** How long throttleRatio applies, from the first call in scope (default: forever). */
  throttleForMs?: number
  /** Limit throttleRatio to these operations. */
  throttleOperations?: string[]
  /** 403 UnrecognizedClientException (bad credentials) for the first N matching calls. */
  unauthorized?: CallFault
  /** 403 ExpiredTokenException (the session token expired) for the first N matching calls; set it
   * mid-run (setScenario while the action waits) to expire the credentials mid-wait. */
  expiredToken?: CallFault
  download?: DownloadFaults

  /** Codegen jobs stay in_progress, hosting jobs RUNNING, forever. */
  neverEnds?: boolean

  // ---- AmplifyUIBuilder codegen ----
  /** Time in_progress (default 0: done at the first GetCodegenJob). */
  durationMs?: number
  /** Instead of durationMs: the job answers in_progress to this many GetCodegenJob reads, then
   * ends, however long they take. */
  inProgressReads?: number
  /** The job ends `failed` with this statusMessage. */
  fail?: string
  /** The job succeeds with statusMessage `{"codegenErrors":[...]}`; those entries carry the error. */
  codegenErrors?: CodegenErrorEntry[]
  components?: string[]
  /** Use the first N of a built-in list of component names instead. */
  componentCount?: number
  forms?: string[]
  /** Changes the generated content (default 1), to simulate regenerated output. */
  contentVersion?: number | string
  manifestEntryErrors?: ManifestEntryError[]
  /** `zip`: the asset is a zip of the files, like older service versions (default manifest). */
  assetFormat?: 'manifest' | 'zip'
  /** Extra entries with these file names (path traversal, absolute, control characters...). */
  hostileNames?: string[]
  /** Serve this raw text as the manifest. */
  manifestBody?: string
  /** Repeat the first file's entry, with different content. */
  duplicateEntries?: boolean
  dependencies?: CodegenDependency[]

  // ---- Amplify Hosting ----
  /** Default PENDING 200 ms, PROVISIONING 200 ms, RUNNING 1000 ms, SUCCEED. Each status (and each
   * step's) must be a JobStatus the service sends: CREATED, PENDING, PROVISIONING, RUNNING,
   * FAILED, SUCCEED, CANCELLING, CANCELLED. */
  statuses?: StatusPhase[]
  /** Default BUILD, DEPLOY, VERIFY succeeding during RUNNING. */
  steps?: StepSpec[]
  failStep?: FailStepSpec
  startError?: 'limit' | 'alreadyRunning' | 'notFoundApp' | 'notFoundBranch'
  /** CANCELLING lasts this long after StopJob before CANCELLED (default 1000), on the job's clock
   * (on the read clock, 1000 is one read). */
  stopDelayMs?: number
  artifacts?: ArtifactSpec

  // ---- Amplify Hosting: app, branches, domains, manual deployments ----
  app?: AppSpec
  /** The app's branches before any CreateBranch or DeleteBranch (default: one branch, `main`).
   * StartJob takes any branch name all the same; GetBranch, DeleteBranch and the deployment
   * operations know only these and the created ones. */
  branches?: BranchSpec[]
  /** CreateBranch answers LimitExceededException once the app has this many branches (default 50). */
  branchLimit?: number
  /** Custom domains (default none), paged by ListDomainAssociations like the service. */
  domains?: DomainSpec[]
  /** Steps of a manual deployment's job (default one DEPLOY step); `statuses`, `failStep`,
   * `neverEnds` and `stopDelayMs` apply to it as to a StartJob job. */
  deploySteps?: StepSpec[]
  upload?: UploadFaults

  // ---- AmplifyBackend ----
  backend?: BackendScenario
}

/** A manual deployment as the emulator saw it: what CreateDeployment, the PUTs and StartDeployment did. */
export interface DeploymentRecord {
  appId: string
  branch: string
  jobId: string
  /** created: waiting for StartDeployment; cancelled: stopped (StopJob) before it started. */
  state: 'created' | 'started' | 'cancelled'
  /** How StartDeployment started it: `jobId` (after CreateDeployment and an upload) or `sourceUrl`. */
  startedWith?: 'jobId' | 'sourceUrl'
  sourceUrl?: string
  sourceUrlType?: string
  /** The zip in force (the last complete PUT): its size, MD5 (the ETag) and the Content-Type it was sent with. */
  upload?: { bytes: number; md5: string; contentType?: string }
  /** Complete PUTs to the deployment's zipUploadUrl. */
  puts: number
  /** The job's status now. */
  status: string
}

/** One file of a deployed site, for scripts (GET /__emulator/deployed). */
export interface DeployedFileInfo {
  name: string
  size: number
  sha256: string
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  readonly url: string
  readonly port: number
  /** AWS_ENDPOINT_URL_* (all = url), AWS_REGION, fake credentials, AWS_EC2_METADATA_DISABLED. */
  readonly env: Record<string, string>
  /** Every request in arrival order. */
  readonly requests: RecordedRequest[]
  /** Every X-Amz-Signature handed out in a presigned URL, in order; all distinct. */
  readonly issuedSignatures: string[]
  /** TCP connections accepted so far (to prove keep-alive). */
  readonly connections: number
  /** Set the scenario of one app, or the default for all apps when appId is omitted. */
  setScenario(scenario: Scenario, appId?: string): void
  /** Expire every presigned URL issued so far (of one app, when given), as if their X-Amz-Expires
   * had passed: S3's 403 "Request has expired" from now on. URLs issued later are fresh. Returns
   * how many URLs it expired. */
  expireUrls(appId?: string): number
  /** Forget jobs, requests, scenarios, signatures and counters. */
  reset(): void
  /** Requests of one operation (e.g. `StopJob`), in order. */
  callsOf(operation: string): RecordedRequest[]
  /** The site a branch serves: the files (name in the zip -> bytes) of its last manual deployment
   * from an uploaded zip whose job SUCCEEDed. Empty when there is none, or when the last successful
   * deployment came from a sourceUrl (the emulator does not fetch those). */
  deployedFiles(appId: string, branch: string): Record<string, Buffer>
  /** The manual deployments so far (of one app, when given), oldest first. */
  deployments(appId?: string): DeploymentRecord[]
  close(): Promise<void>
}
