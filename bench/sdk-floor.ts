/**
 * The floor of the start-up figure: a bundle (ncc, like the action's) of nothing but the AWS SDK's
 * UI Builder client sending one signed call, the way the action sends its first one. The time from
 * its process start to that request is what the SDK costs before anything of the action runs.
 * Run by bench/run.ts with the emulator's AWS_* variables: node sdk-floor.js <appId>
 */
import { AmplifyUIBuilderClient, GetCodegenJobCommand } from '@aws-sdk/client-amplifyuibuilder'

const [appId] = process.argv.slice(2)
const client = new AmplifyUIBuilderClient({})
try {
  await client.send(new GetCodegenJobCommand({ appId, environmentName: 'staging', id: 'sdk-floor' }))
} catch {
  // The job does not exist (404): only the request's arrival is measured.
} finally {
  client.destroy()
}
