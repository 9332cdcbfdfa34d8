/** Links to where a person looks at a job: the Amplify console for Hosting, Amplify Studio for UI Builder and backend jobs. */

/**
 * Amplify Studio for an app's backend environment. The login address is the one the Amplify CLI
 * hands out: it opens the environment directly for a signed-in user.
 */
export function studioLink(region: string | undefined, appId: string, environment: string): string | undefined {
  if (!region) return undefined
  const query = new URLSearchParams({ appId, backendEnvironmentName: environment })
  return `https://${region}.admin.amplifyapp.com/admin/login?${query.toString()}`
}

/** A Hosting job in the Amplify console. */
export function consoleJobLink(region: string, appId: string, branch: string, jobId: string): string {
  return `https://${region}.console.aws.amazon.com/amplify/apps/${appId}/branches/${encodeURIComponent(branch)}/deployments/${jobId}`
}

/** An app's page in the Amplify console (its branches). */
export function consoleAppLink(region: string, appId: string): string {
  return `https://${region}.console.aws.amazon.com/amplify/apps/${appId}/overview`
}
