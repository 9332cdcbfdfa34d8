export const id = 85;
export const ids = [85];
export const modules = {

/***/ 8085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   codegenErrorsOf: () => (/* binding */ codegenErrorsOf),
/* harmony export */   codegenPhase: () => (/* binding */ codegenPhase),
/* harmony export */   createCodegenJob: () => (/* binding */ createCodegenJob),
/* harmony export */   deriveClientToken: () => (/* binding */ deriveClientToken)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_amplifyuibuilder__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6786);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _fetch_asset_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4289);
/* harmony import */ var _fetch_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9398);
/* harmony import */ var _fetch_mask_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3094);
/* harmony import */ var _links_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(537);
/**
 * Amplify UI Builder code generation jobs: StartCodegenJob with an idempotency token derived from
 * the run, GetCodegenJob until `succeeded` or `failed`, then the generated files from the asset.
 */







/** Token length stays well inside what idempotency tokens allow. */
const CLIENT_TOKEN_HASH_LENGTH = 40;
const CLIENT_TOKEN_PREFIX = 'gha-';
function createCodegenJob(inputs, { client, context, mask, log, region }) {
    const consoleUrl = (0,_links_js__WEBPACK_IMPORTED_MODULE_5__/* .studioLink */ .n)(region, inputs.appId, inputs.environment);
    let jobId = inputs.jobId;
    const ids = { appId: inputs.appId, environmentName: inputs.environment };
    /** Presigned URLs are masked the moment they arrive, before anything could print them. */
    const received = (job) => {
        if (!job?.id)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('AmplifyUIBuilder answered without a codegen job. Re-run the step; if it persists, report it with the run log.');
        if (job.asset?.downloadUrl)
            (0,_fetch_mask_js__WEBPACK_IMPORTED_MODULE_4__/* .maskPresignedUrl */ .B3)(job.asset.downloadUrl, mask);
        return job;
    };
    return {
        noun: 'codegen job',
        async start(signal) {
            if (jobId) {
                log.info(`Waiting for the existing codegen job ${jobId} (app ${inputs.appId}, environment ${inputs.environment}).`);
                return { jobId, consoleUrl };
            }
            const clientToken = inputs.clientToken ?? deriveClientToken(inputs, context);
            // render-config.ts validated every key and value against the service model.
            const codegenJobToCreate = inputs.request;
            const answer = await client.send(new _aws_sdk_client_amplifyuibuilder__WEBPACK_IMPORTED_MODULE_6__.StartCodegenJobCommand({ ...ids, clientToken, codegenJobToCreate }), { abortSignal: signal });
            const job = received(answer.entity);
            jobId = job.id;
            log.info(`Started codegen job ${jobId} (app ${inputs.appId}, environment ${inputs.environment}).`);
            return { jobId, consoleUrl, state: job };
        },
        async read(signal) {
            const answer = await client.send(new _aws_sdk_client_amplifyuibuilder__WEBPACK_IMPORTED_MODULE_6__.GetCodegenJobCommand({ ...ids, id: jobId }), { abortSignal: signal });
            return received(answer.job);
        },
        phase: codegenPhase,
        status: job => job.status ?? 'unknown',
        verifySuccess(job) {
            const errors = codegenErrorsOf(job);
            if (errors.length) {
                const list = errors.map(e => `${e.schemaName ?? '(unnamed)'}: ${e.error ?? 'no message'}`).join('; ');
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JobFailedError */ .dk(`Codegen job ${job.id} succeeded but ${errors.length} component${errors.length > 1 ? 's' : ''} failed to generate: ${list}. Fix them in Amplify Studio and re-run; nothing was written.`);
            }
        },
        async explainFailure(job) {
            return `Codegen job ${job.id} failed: ${job.statusMessage || 'the service gave no reason'}. Check the components and the render config in Amplify Studio, then re-run.`;
        },
        async stageFiles(job, staging, { downloader, signal }) {
            const url = job.asset?.downloadUrl;
            if (!url)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JobFailedError */ .dk(`Codegen job ${job.id} succeeded but has no asset to download. Re-run the step; if it persists, report it to AWS.`);
            await (0,_fetch_asset_js__WEBPACK_IMPORTED_MODULE_2__/* .stageCodegenAsset */ .W)(url, staging, downloader, { signal, limits: _fetch_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .CODEGEN_LIMITS */ .vq, mask });
        },
        report(job) {
            const dependencies = (job?.dependencies ?? []).map(d => ({
                name: d.name ?? '',
                supportedVersion: d.supportedVersion ?? '',
                isSemVer: d.isSemVer ?? false,
                reason: d.reason ?? ''
            }));
            return {
                details: [
                    ['App', `\`${inputs.appId}\``],
                    ['Environment', `\`${inputs.environment}\``]
                ],
                outputs: { dependencies: JSON.stringify(dependencies) }
            };
        }
    };
}
function codegenPhase(job) {
    switch (job.status) {
        case 'succeeded':
            return 'succeeded';
        case 'failed':
            return 'failed';
        default:
            // in_progress, and any status a newer service version may add, is waited through.
            return 'running';
    }
}
/** A succeeded job's statusMessage may be JSON listing components that failed to generate. */
function codegenErrorsOf(job) {
    const message = job.statusMessage?.trim();
    if (!message?.startsWith('{'))
        return [];
    try {
        const parsed = JSON.parse(message);
        if (!Array.isArray(parsed.codegenErrors))
            return [];
        // An entry that is not an object still means a component failed; keep it, unnamed.
        return parsed.codegenErrors.map(entry => (entry && typeof entry === 'object' ? entry : { error: String(entry) }));
    }
    catch {
        return [];
    }
}
/**
 * The same step retried in the same run attempt sends the same token, so the service hands back
 * the job it already started; another step, attempt or request gets a different one.
 */
function deriveClientToken(inputs, context) {
    if (!context.runId)
        return undefined;
    const request = canonicalJson({ appId: inputs.appId, environment: inputs.environment, request: inputs.request });
    const parts = [context.runId, context.runAttempt ?? '1', context.job ?? '', context.stepId ?? '', request];
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\n')).digest('hex');
    return CLIENT_TOKEN_PREFIX + hash.slice(0, CLIENT_TOKEN_HASH_LENGTH);
}
/** JSON with sorted keys, so the same request always hashes the same. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
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
