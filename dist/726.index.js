export const id = 726;
export const ids = [726];
export const modules = {

/***/ 2726:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LOG_TAIL_LINES: () => (/* binding */ LOG_TAIL_LINES),
/* harmony export */   createHostingJob: () => (/* binding */ createHostingJob),
/* harmony export */   hostingPhase: () => (/* binding */ hostingPhase)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_amplify__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2747);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
/* harmony import */ var _fetch_asset_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7486);
/* harmony import */ var _fetch_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9398);
/* harmony import */ var _fetch_mask_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3094);
/**
 * Amplify Hosting jobs: StartJob (RELEASE or RETRY) on a branch, GetJob until it ends, each build
 * step printed as it starts and ends, the failing step's log on failure, StopJob on cancel, and the
 * build artifacts on success.
 */






/** How much of a failed step's log is shown: enough for a stack trace and its cause. */
const LOG_TAIL_LINES = 200;
/** A build log beyond this is read only in part: the tail is what matters. */
const MAX_LOG_BYTES = 16 * 1024 * 1024;
/** Lines that look like the cause of a failure, searched from the end of the log. */
const ERROR_LINE = /\b(error|failed|failure|fatal|exception|cannot|could not|not found|denied)\b|ERR!|✖/i;
const RUNNING_STATUSES = new Set(['CREATED', 'PENDING', 'PROVISIONING', 'RUNNING', 'CANCELLING']);
const FAILED_STATUSES = new Set(['FAILED', 'CANCELLED']);
const ENDED_STEP_STATUSES = new Set(['SUCCEED', 'FAILED', 'CANCELLED']);
function createHostingJob(inputs, { client, region, mask, log, downloader }) {
    const ids = { appId: inputs.appId, branchName: inputs.branch };
    let jobId;
    let last;
    let queuedNoticeShown = false;
    const unknownStatusesSeen = new Set();
    let failure;
    const stepsStarted = new Set();
    const stepsEnded = new Set();
    /** Presigned URLs (logs, artifacts, screenshots) are masked the moment they arrive. */
    const received = (job) => {
        if (!job?.summary)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('Amplify answered GetJob without a job. Re-run the step; if it persists, report it with the run log.');
        for (const step of job.steps ?? []) {
            for (const url of [step.logUrl, step.artifactsUrl, step.testArtifactsUrl, step.testConfigUrl, ...Object.values(step.screenshots ?? {})]) {
                if (url)
                    (0,_fetch_mask_js__WEBPACK_IMPORTED_MODULE_4__/* .maskPresignedUrl */ .B3)(url, mask);
            }
        }
        last = job;
        return job;
    };
    return {
        noun: 'Amplify Hosting job',
        async start(signal) {
            const answer = await client
                .send(new _aws_sdk_client_amplify__WEBPACK_IMPORTED_MODULE_5__.StartJobCommand({
                ...ids,
                jobType: inputs.jobType === 'retry' ? 'RETRY' : 'RELEASE',
                jobId: inputs.jobId,
                jobReason: inputs.jobReason,
                commitId: inputs.commitId,
                commitMessage: inputs.commitMessage,
                commitTime: inputs.commitTime
            }), { abortSignal: signal })
                .catch(error => {
                throw explainStartError(error, inputs);
            });
            const summary = answer.jobSummary;
            if (!summary?.jobId)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('Amplify answered StartJob without a job id. Re-run the step; if it persists, report it with the run log.');
            jobId = summary.jobId;
            const consoleUrl = consoleLink(region, inputs.appId, inputs.branch, jobId);
            const what = inputs.jobType === 'retry' ? `Retrying job ${inputs.jobId} as job ${jobId}` : `Started release job ${jobId}`;
            log.info(`${what} on branch ${inputs.branch} of app ${inputs.appId}${inputs.commitId ? ` (commit ${inputs.commitId.slice(0, 12)})` : ''}.`);
            return { jobId, arn: summary.jobArn, consoleUrl, state: { summary, steps: [] } };
        },
        async read(signal) {
            const answer = await client.send(new _aws_sdk_client_amplify__WEBPACK_IMPORTED_MODULE_5__.GetJobCommand({ ...ids, jobId: jobId }), { abortSignal: signal });
            return received(answer.job);
        },
        phase: hostingPhase,
        status: job => job.summary?.status ?? 'unknown',
        observe(job) {
            const status = job.summary?.status ?? 'unknown';
            if (status === 'PENDING' && !queuedNoticeShown) {
                queuedNoticeShown = true;
                log.info(`The job is queued (PENDING): Amplify runs a limited number of builds per app at once, so it waits for a build ahead of it to end.`);
            }
            const known = RUNNING_STATUSES.has(status) || FAILED_STATUSES.has(status) || status === 'SUCCEED';
            if (!known && !unknownStatusesSeen.has(status)) {
                unknownStatusesSeen.add(status);
                log.warning(`Amplify reported a status this action does not know: ${status}. It is treated as still running until the timeout.`);
            }
            for (const step of job.steps ?? []) {
                const name = step.stepName ?? 'step';
                if (!stepsStarted.has(name) && (step.startTime || step.status === 'RUNNING')) {
                    stepsStarted.add(name);
                    log.info(`  ▶ ${name} started`);
                }
                if (!stepsEnded.has(name) && step.status && ENDED_STEP_STATUSES.has(step.status)) {
                    stepsEnded.add(name);
                    stepsStarted.add(name);
                    log.info(`  ${step.status === 'SUCCEED' ? '✔' : '✖'} ${name} ${step.status} after ${stepDuration(step)}`);
                }
            }
        },
        async explainFailure(job, signal) {
            const status = job.summary?.status;
            if (status === 'CANCELLED') {
                return `Amplify Hosting job ${jobId} was CANCELLED (stopped in the console, by another workflow or by this one) before it finished. Start a new release to deploy.`;
            }
            failure = await readFailure(job, downloader, signal, log);
            const parts = [`Amplify Hosting job ${jobId} FAILED`];
            if (failure.step)
                parts[0] += ` in step ${failure.step}`;
            if (failure.reason)
                parts.push(`reason: ${failure.reason}`);
            if (failure.errorLine)
                parts.push(`last error line: ${failure.errorLine}`);
            return `${parts.join('; ')}. See the step log above or in the Amplify console.`;
        },
        async stageFiles(job, staging, { downloader: files, signal }) {
            const what = `the build artifacts of job ${jobId}`;
            const stepUrl = (job.steps ?? []).find(step => step.artifactsUrl)?.artifactsUrl;
            if (stepUrl) {
                await (0,_fetch_asset_js__WEBPACK_IMPORTED_MODULE_2__/* .stageZipFromUrl */ .J)(stepUrl, staging, files, { signal, limits: _fetch_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .ARTIFACT_LIMITS */ .Wo, mask, what });
                return;
            }
            const listed = await client.send(new _aws_sdk_client_amplify__WEBPACK_IMPORTED_MODULE_5__.ListArtifactsCommand({ ...ids, jobId: jobId }), { abortSignal: signal });
            const artifacts = listed.artifacts ?? [];
            if (!artifacts.length)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Job ${jobId} succeeded but has no build artifacts to fetch. Remove 'output-path' if the build produces none.`);
            for (const artifact of artifacts) {
                const answer = await client.send(new _aws_sdk_client_amplify__WEBPACK_IMPORTED_MODULE_5__.GetArtifactUrlCommand({ artifactId: artifact.artifactId }), { abortSignal: signal });
                if (!answer.artifactUrl)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Amplify gave no URL for artifact ${artifact.artifactFileName}. Re-run the step.`);
                await (0,_fetch_asset_js__WEBPACK_IMPORTED_MODULE_2__/* .stageZipFromUrl */ .J)(answer.artifactUrl, staging, files, { signal, limits: _fetch_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .ARTIFACT_LIMITS */ .Wo, mask, what: `artifact ${artifact.artifactFileName}` });
            }
        },
        async stop() {
            if (!jobId || (last && hostingPhase(last) !== 'running'))
                return;
            const answer = await client.send(new _aws_sdk_client_amplify__WEBPACK_IMPORTED_MODULE_5__.StopJobCommand({ ...ids, jobId }));
            log.info(`Stopped Amplify Hosting job ${jobId} (StopJob): it is now ${answer.jobSummary?.status ?? 'stopping'}.`);
        },
        report(job) {
            const details = [
                ['App', `\`${inputs.appId}\``],
                ['Branch', `\`${inputs.branch}\``]
            ];
            if (job?.summary?.commitId)
                details.push(['Commit', `\`${job.summary.commitId.slice(0, 12)}\``]);
            const steps = (job?.steps ?? []).map(step => `${step.stepName} ${step.status}`).join(', ');
            if (steps)
                details.push(['Steps', steps]);
            const sections = [];
            if (failure?.tail.length) {
                const reason = failure.reason ? `: ${failure.reason}` : '';
                sections.push(`### Failing step: ${failure.step ?? 'unknown'}${reason}`, '', failure.errorLine ? `Last error line: \`${failure.errorLine.replace(/`/g, "'")}\`` : '', '', `<details><summary>Last ${failure.tail.length} lines of the log</summary>`, '', '```text', ...failure.tail.map(line => line.replace(/```/g, "'''")), '```', '', '</details>', '');
            }
            return { details, outputs: {}, sections };
        }
    };
}
function hostingPhase(job) {
    const status = job.summary?.status ?? '';
    if (status === 'SUCCEED')
        return 'succeeded';
    if (FAILED_STATUSES.has(status))
        return 'failed';
    // CREATED, PENDING, PROVISIONING, RUNNING, CANCELLING and any status a newer service adds.
    return 'running';
}
/** Finds the failing step, downloads its log and picks the lines that explain the failure. */
async function readFailure(job, downloader, signal, log) {
    const steps = job.steps ?? [];
    const failed = steps.find(step => step.status === 'FAILED') ?? steps.find(step => step.status !== 'SUCCEED');
    const details = { step: failed?.stepName, reason: failed?.statusReason, tail: [] };
    if (!failed?.logUrl)
        return details;
    try {
        const body = await downloader.toBuffer(failed.logUrl, { signal, maxBytes: MAX_LOG_BYTES, what: `the ${failed.stepName} log` });
        const lines = body.toString('utf8').replace(/\r\n/g, '\n').split('\n');
        while (lines.length && lines[lines.length - 1] === '')
            lines.pop();
        details.tail = lines.slice(-LOG_TAIL_LINES);
        details.errorLine = [...details.tail].reverse().find(line => ERROR_LINE.test(line))?.trim();
        log.group(`Last ${details.tail.length} lines of the ${failed.stepName} log`, details.tail);
    }
    catch (error) {
        log.warning(`Could not read the ${failed.stepName} log: ${error.message}`);
    }
    return details;
}
function explainStartError(error, inputs) {
    const name = error?.name;
    const message = error?.message ?? '';
    if (name === 'LimitExceededException') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Amplify refused to start a job on branch ${inputs.branch} (LimitExceededException: ${message}). Too many jobs are running or queued for app ${inputs.appId}: wait for them to end, or stop one in the Amplify console, then re-run.`);
    }
    if (name === 'BadRequestException' && /already|running|pending|in progress/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Amplify refused to start a job on branch ${inputs.branch}: a job is already running there (${message}). Wait for it to end, or stop it in the Amplify console (or with job-type retry later), then re-run.`);
    }
    if (name === 'NotFoundException') {
        const what = /branch/i.test(message) ? `branch '${inputs.branch}' of app ${inputs.appId}` : `app ${inputs.appId}`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Amplify could not find ${what} (${message}). Check 'app-id', 'branch' and 'region'.`);
    }
    if (name === 'BadRequestException' && inputs.jobType === 'retry') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Amplify refused to retry job ${inputs.jobId} on branch ${inputs.branch} (${message}). Check that the job exists on that branch.`);
    }
    return error;
}
function stepDuration(step) {
    if (!step.startTime || !step.endTime)
        return 'an unknown time';
    return (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(step.endTime.getTime() - step.startTime.getTime());
}
function consoleLink(region, appId, branch, jobId) {
    return `https://${region}.console.aws.amazon.com/amplify/apps/${appId}/branches/${encodeURIComponent(branch)}/deployments/${jobId}`;
}


/***/ })

};
