export const id = 884;
export const ids = [884];
export const modules = {

/***/ 5884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backendPhase: () => (/* binding */ backendPhase),
/* harmony export */   createBackendJob: () => (/* binding */ createBackendJob)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_amplifybackend__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7237);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _links_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(537);
/**
 * Amplify Admin UI / Studio backend jobs: nothing to start; GetBackendJob until COMPLETED or
 * FAILED. The status is a free string: anything else means still running.
 */



function createBackendJob(inputs, { client, log, region }) {
    const what = `backend job ${inputs.jobId} of environment '${inputs.environment}' in app ${inputs.appId}`;
    return {
        noun: 'backend job',
        async start() {
            log.info(`Waiting for ${what}.`);
            return { jobId: inputs.jobId, consoleUrl: (0,_links_js__WEBPACK_IMPORTED_MODULE_1__/* .studioLink */ .n)(region, inputs.appId, inputs.environment) };
        },
        async read(signal) {
            try {
                return await client.send(new _aws_sdk_client_amplifybackend__WEBPACK_IMPORTED_MODULE_2__.GetBackendJobCommand({ AppId: inputs.appId, BackendEnvironmentName: inputs.environment, JobId: inputs.jobId }), { abortSignal: signal });
            }
            catch (error) {
                if (error.name === 'NotFoundException') {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Amplify could not find ${what} (${error.message}). Check 'job-id', 'environment', 'app-id' and 'region'.`);
                }
                throw error;
            }
        },
        phase: backendPhase,
        status: job => job.Status ?? 'unknown',
        async explainFailure(job) {
            return `The ${what} FAILED${job.Operation ? ` (operation ${job.Operation})` : ''}: ${job.Error || 'Amplify gave no reason'}.`;
        },
        report(job) {
            const details = [
                ['App', `\`${inputs.appId}\``],
                ['Environment', `\`${inputs.environment}\``]
            ];
            if (job?.Operation)
                details.push(['Operation', `\`${job.Operation}\``]);
            return { details, outputs: {} };
        }
    };
}
function backendPhase(job) {
    if (job.Status === 'COMPLETED')
        return 'succeeded';
    if (job.Status === 'FAILED')
        return 'failed';
    return 'running';
}


/***/ }),

/***/ 537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ studioLink)
/* harmony export */ });
/** Links to where a person looks at a job: Amplify Studio for UI Builder and backend jobs. */
/**
 * Amplify Studio for an app's backend environment. The login address is the one the Amplify CLI
 * hands out: it opens the environment directly for a signed-in user.
 */
function studioLink(region, appId, environment) {
    if (!region)
        return undefined;
    const query = new URLSearchParams({ appId, backendEnvironmentName: environment });
    return `https://${region}.admin.amplifyapp.com/admin/login?${query.toString()}`;
}


/***/ })

};
