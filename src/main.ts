import * as core from '@actions/core'
export async function run(): Promise<void> {
  const { AmplifyUIBuilderClient } = await import('@aws-sdk/client-amplifyuibuilder')
  core.info('hello ' + typeof AmplifyUIBuilderClient)
}
