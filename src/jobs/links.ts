/** Links to where a person looks at a job: Amplify Studio for UI Builder and backend jobs. */

/**
 * Amplify Studio for an app's backend environment. The login address is the one the Amplify CLI
 * hands out: it opens the environment directly for a signed-in user.
 */
export function studioLink(region: string | undefined, appId: string, environment: string): string | undefined {
  if (!region) return undefined
  const query = new URLSearchParams({ appId, backendEnvironmentName: environment })
  return `https://${region}.admin.amplifyapp.com/admin/login?${query.toString()}`
}
