/**
 * Amplify Hosting apps and branches as a deploy or a preview sees them: the app (its platform and
 * default domain), a branch (found, created for a preview, tagged so that only a branch this action
 * created is ever deleted), and the address its site is served at.
 */
import {
  type App,
  type Branch,
  CreateBranchCommand,
  type DomainAssociation,
  GetAppCommand,
  GetBranchCommand,
  ListDomainAssociationsCommand
} from '@aws-sdk/client-amplify'
import { ActionError } from '../errors.js'
import type { Sender } from './patient.js'

/** The tag a branch created by this action carries; delete-branch deletes only such a branch. */
export const CREATED_TAG_KEY = 'amplify-job-action'
export const CREATED_TAG_VALUE = 'created'
/** Amplify's limit, not adjustable: CreateBranch beyond it answers LimitExceededException. */
export const MAX_BRANCHES_PER_APP = 50
/** The most ListDomainAssociations gives in one page (the service's maximum). */
const DOMAINS_PAGE_SIZE = 50

export type AmplifyClientLike = Sender

/** The app, or an error that names it and what to check. */
export async function getApp(client: AmplifyClientLike, appId: string, signal: AbortSignal): Promise<App> {
  const answer = await client.send(new GetAppCommand({ appId }), { abortSignal: signal }).catch((error: unknown) => {
    if (errorName(error) === 'NotFoundException')
      throw new ActionError(`Amplify has no app ${appId} in this region (${messageOf(error)}). Check 'app-id' and 'region'.`)
    throw error
  })
  if (!answer.app) throw new ActionError(`Amplify answered GetApp without the app ${appId}. Re-run the step; if it persists, report it with the run log.`)
  return answer.app as App
}

/** The branch, or undefined when the app has none of that name. */
export async function findBranch(client: AmplifyClientLike, appId: string, branchName: string, signal: AbortSignal): Promise<Branch | undefined> {
  try {
    const answer = await client.send(new GetBranchCommand({ appId, branchName }), { abortSignal: signal })
    return answer.branch as Branch | undefined
  } catch (error) {
    if (errorName(error) === 'NotFoundException') return undefined
    throw error
  }
}

export interface NewBranch {
  appId: string
  branchName: string
  /** PULL_REQUEST for a pull request's preview, else left to Amplify. */
  stage?: 'PULL_REQUEST'
  /** A line for the branch's description in the Amplify console. */
  description: string
}

/**
 * Creates the branch, tagged as this action's. A branch of that name that appeared meanwhile (a
 * concurrent run) is taken as it is. The branch limit gets an error that says how to make room.
 */
export async function createBranch(client: AmplifyClientLike, branch: NewBranch, signal: AbortSignal): Promise<Branch> {
  try {
    const answer = await client.send(
      new CreateBranchCommand({
        appId: branch.appId,
        branchName: branch.branchName,
        description: branch.description,
        stage: branch.stage,
        // A branch for a deploy is not built from a repository.
        enableAutoBuild: false,
        tags: { [CREATED_TAG_KEY]: CREATED_TAG_VALUE }
      }),
      { abortSignal: signal }
    )
    if (!answer.branch) throw new ActionError(`Amplify answered CreateBranch without the branch ${branch.branchName}. Re-run the step.`)
    return answer.branch as Branch
  } catch (error) {
    const name = errorName(error)
    if (name === 'BadRequestException' && /already exist/i.test(messageOf(error))) {
      const existing = await findBranch(client, branch.appId, branch.branchName, signal)
      if (existing) return existing
    }
    if (name === 'LimitExceededException') {
      throw new ActionError(
        `Amplify refused to create branch ${branch.branchName}: app ${branch.appId} has reached its limit of ${MAX_BRANCHES_PER_APP} branches, which cannot be raised ` +
          `(${messageOf(error)}). Delete the previews of closed pull requests (job-type: delete-branch, run when a pull request closes) or other unused branches in the Amplify console, then re-run.`
      )
    }
    throw error
  }
}

/** True for a branch this action created (and so may delete). */
export function createdByThisAction(branch: Branch): boolean {
  return branch.tags?.[CREATED_TAG_KEY] === CREATED_TAG_VALUE
}

/**
 * Where the branch's site is served: a custom domain whose verified sub-domain maps the branch
 * (the first one Amplify lists; the apex when the domain itself maps it), else
 * `https://<displayName>.<defaultDomain>`. Both names come from the service: a branch name is not
 * a host label as it is (`feature/login` is served as `feature-login`).
 */
export async function siteUrlOf(client: AmplifyClientLike, app: App, branch: Branch, signal: AbortSignal): Promise<string> {
  const custom = customDomainOf(await listDomains(client, app.appId!, signal), branch.branchName!)
  if (custom) return custom
  return `https://${branch.displayName || branch.branchName}.${app.defaultDomain}`
}

/** The address of the first verified sub-domain that maps the branch, apex first within a domain. */
export function customDomainOf(domains: readonly DomainAssociation[], branchName: string): string | undefined {
  for (const domain of domains) {
    const mapped = (domain.subDomains ?? []).filter(sub => sub.verified === true && sub.subDomainSetting?.branchName === branchName)
    if (!mapped.length) continue
    const chosen = mapped.find(sub => !sub.subDomainSetting?.prefix) ?? mapped[0]!
    const prefix = chosen.subDomainSetting?.prefix
    return `https://${prefix ? `${prefix}.` : ''}${domain.domainName}`
  }
  return undefined
}

/** Every domain association of the app: ListDomainAssociations answers in pages. */
async function listDomains(client: AmplifyClientLike, appId: string, signal: AbortSignal): Promise<DomainAssociation[]> {
  const domains: DomainAssociation[] = []
  let nextToken: string | undefined
  do {
    const page = await client.send(new ListDomainAssociationsCommand({ appId, maxResults: DOMAINS_PAGE_SIZE, nextToken }), { abortSignal: signal })
    domains.push(...((page.domainAssociations ?? []) as DomainAssociation[]))
    nextToken = page.nextToken || undefined
  } while (nextToken)
  return domains
}

export function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name
}

function messageOf(error: unknown): string {
  return (error as { message?: string } | null)?.message ?? String(error)
}
