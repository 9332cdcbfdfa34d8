/**
 * pr-comment, from main's point of view: the run's outcome as the one comment of its target on
 * the pull request. Outside a pull request run nothing is written; what cannot be written is a
 * warning, never a failure. The comment's text and the GitHub client load only here.
 */
import * as core from '@actions/core'
import { PULL_REQUEST_EVENTS, type RunContext } from '../context.js'
import type { ActionInputs } from '../inputs.js'
import type { Outcome } from '../report.js'

/** The API of github.com, when the runner does not say (GITHUB_API_URL). */
const DEFAULT_GITHUB_API_URL = 'https://api.github.com'

export async function commentOnPullRequest(inputs: ActionInputs, context: RunContext, outcome: Outcome): Promise<void> {
  if (context.eventName === undefined || !PULL_REQUEST_EVENTS.includes(context.eventName)) {
    core.info(`pr-comment: this run is for ${context.eventName ?? 'no event'}, not a pull request, so no comment is written.`)
    return
  }
  const skip = !context.pullRequest
    ? "the event's payload names no pull request number"
    : !context.repository
      ? 'GITHUB_REPOSITORY is not set'
      : !inputs.githubToken
        ? "'github-token' is empty (give it the workflow's token: ${{ github.token }})"
        : undefined
  if (skip) {
    core.warning(`pr-comment: no comment is written: ${skip}.`)
    return
  }
  try {
    const [{ commentBody, commentMarker }, { postComment }] = await Promise.all([import('./body.js'), import('./post.js')])
    await postComment({
      token: inputs.githubToken!,
      apiUrl: context.apiUrl ?? DEFAULT_GITHUB_API_URL,
      repository: context.repository!,
      pullRequest: context.pullRequest!.number,
      marker: commentMarker(inputs),
      body: commentBody(inputs, outcome, context),
      warn: message => core.warning(message),
      info: message => core.info(message)
    })
  } catch (error) {
    // postComment never throws; loading it could, on a broken install. The step's result stays.
    core.warning(`Could not write the pull request comment: ${(error as Error).message}`)
  }
}
