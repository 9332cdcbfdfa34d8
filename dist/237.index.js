export const id = 237;
export const ids = [237];
export const modules = {

/***/ 7237:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(2771);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin } = __webpack_require__(402);
const { normalizeProvider, getSmithyContext, ServiceException, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createAggregatedClient } = __webpack_require__(2658);
const { Command: $Command } = __webpack_require__(2658);
exports.$Command = $Command;
exports.__Client = Client;
const { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = __webpack_require__(7291);
const { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = __webpack_require__(2085);
const { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = __webpack_require__(3422);
const { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = __webpack_require__(3609);
const { TypeRegistry, getSchemaSerdePlugin } = __webpack_require__(6890);
const { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = __webpack_require__(7523);
const { defaultProvider } = __webpack_require__(5861);
const { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = __webpack_require__(2430);
const { streamCollector, NodeHttpHandler } = __webpack_require__(1279);
const { AwsRestJsonProtocol } = __webpack_require__(7288);
const { Sha256 } = __webpack_require__(9542);

const defaultAmplifyBackendHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "amplifybackend",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultAmplifyBackendHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "amplifybackend",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1137.0";
var packageInfo = {
	version: version};

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://amplifybackend-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://amplifybackend-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://amplifybackend.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://amplifybackend.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 12, 3,
    1, 4, r + 11,
    2, 5, r + 11,
    3, 8, 6,
    4, 7, r + 10,
    5, r + 8, r + 9,
    4, 10, 9,
    6, r + 6, r + 7,
    5, 11, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 13,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class AmplifyBackendServiceException extends ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, AmplifyBackendServiceException.prototype);
    }
}

class BadRequestException extends AmplifyBackendServiceException {
    name = "BadRequestException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "BadRequestException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BadRequestException.prototype);
        this.Message = opts.Message;
    }
}
class GatewayTimeoutException extends AmplifyBackendServiceException {
    name = "GatewayTimeoutException";
    $fault = "server";
    Message;
    constructor(opts) {
        super({
            name: "GatewayTimeoutException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, GatewayTimeoutException.prototype);
        this.Message = opts.Message;
    }
}
class NotFoundException extends AmplifyBackendServiceException {
    name = "NotFoundException";
    $fault = "client";
    Message;
    ResourceType;
    constructor(opts) {
        super({
            name: "NotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NotFoundException.prototype);
        this.Message = opts.Message;
        this.ResourceType = opts.ResourceType;
    }
}
class TooManyRequestsException extends AmplifyBackendServiceException {
    name = "TooManyRequestsException";
    $fault = "client";
    LimitType;
    Message;
    constructor(opts) {
        super({
            name: "TooManyRequestsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyRequestsException.prototype);
        this.LimitType = opts.LimitType;
        this.Message = opts.Message;
    }
}

const _A = "Authenticated";
const _AAT = "AdditionalAuthTypes";
const _AC = "AdditionalConstraints";
const _ACIPI = "AwsCognitoIdentityPoolId";
const _ACR = "AwsCognitoRegion";
const _AFF = "AmplifyFeatureFlags";
const _AI = "AppId";
const _AMC = "AmplifyMetaConfig";
const _AN = "ApiName";
const _ANp = "AppName";
const _AR = "AuthResources";
const _AUPI = "AwsUserPoolsId";
const _AUPWCI = "AwsUserPoolsWebClientId";
const _B = "Buckets";
const _BAAPC = "BackendAuthAppleProviderConfig";
const _BAPIASAS = "BackendAPIAppSyncAuthSettings";
const _BAPIAT = "BackendAPIAuthType";
const _BAPICR = "BackendAPIConflictResolution";
const _BAPIRC = "BackendAPIResourceConfig";
const _BASPC = "BackendAuthSocialProviderConfig";
const _BEL = "BackendEnvironmentList";
const _BEN = "BackendEnvironmentName";
const _BJRO = "BackendJobRespObj";
const _BMAI = "BackendManagerAppId";
const _BN = "BucketName";
const _BRE = "BadRequestException";
const _BSP = "BackendStoragePermissions";
const _CAA = "CleanAmplifyApp";
const _CB = "CloneBackend";
const _CBA = "CreateBackendAuth";
const _CBAFPC = "CreateBackendAuthForgotPasswordConfig";
const _CBAIPC = "CreateBackendAuthIdentityPoolConfig";
const _CBAMFAC = "CreateBackendAuthMFAConfig";
const _CBAOAC = "CreateBackendAuthOAuthConfig";
const _CBAPI = "CreateBackendAPI";
const _CBAPIR = "CreateBackendAPIRequest";
const _CBAPIRr = "CreateBackendAPIResponse";
const _CBAPPC = "CreateBackendAuthPasswordPolicyConfig";
const _CBAR = "CreateBackendAuthRequest";
const _CBARC = "CreateBackendAuthResourceConfig";
const _CBARr = "CreateBackendAuthResponse";
const _CBAUPC = "CreateBackendAuthUserPoolConfig";
const _CBAVMC = "CreateBackendAuthVerificationMessageConfig";
const _CBC = "CreateBackendConfig";
const _CBCR = "CreateBackendConfigRequest";
const _CBCRr = "CreateBackendConfigResponse";
const _CBR = "CloneBackendRequest";
const _CBRl = "CloneBackendResponse";
const _CBRr = "CreateBackendRequest";
const _CBRre = "CreateBackendResponse";
const _CBS = "CreateBackendStorage";
const _CBSR = "CreateBackendStorageRequest";
const _CBSRC = "CreateBackendStorageResourceConfig";
const _CBSRr = "CreateBackendStorageResponse";
const _CBr = "CreateBackend";
const _CC = "ChallengeCode";
const _CD = "CreationDate";
const _CI = "ClientId";
const _CR = "ConflictResolution";
const _CS = "ClientSecret";
const _CT = "CreateTime";
const _CTR = "CreateTokenRequest";
const _CTRr = "CreateTokenResponse";
const _CTr = "CreateToken";
const _CUPI = "CognitoUserPoolId";
const _D = "Description";
const _DAT = "DefaultAuthType";
const _DB = "DeleteBackend";
const _DBA = "DeleteBackendAuth";
const _DBAPI = "DeleteBackendAPI";
const _DBAPIR = "DeleteBackendAPIRequest";
const _DBAPIRe = "DeleteBackendAPIResponse";
const _DBAR = "DeleteBackendAuthRequest";
const _DBARe = "DeleteBackendAuthResponse";
const _DBR = "DeleteBackendRequest";
const _DBRe = "DeleteBackendResponse";
const _DBS = "DeleteBackendStorage";
const _DBSR = "DeleteBackendStorageRequest";
const _DBSRe = "DeleteBackendStorageResponse";
const _DM = "DeliveryMethod";
const _DP = "DomainPrefix";
const _DT = "DeleteToken";
const _DTR = "DeleteTokenRequest";
const _DTRe = "DeleteTokenResponse";
const _E = "Error";
const _EM = "EmailMessage";
const _ES = "EmailSettings";
const _ESm = "EmailSubject";
const _ET = "ExpirationTime";
const _F = "Facebook";
const _FP = "ForgotPassword";
const _G = "Google";
const _GB = "GetBackend";
const _GBA = "GetBackendAuth";
const _GBAPI = "GetBackendAPI";
const _GBAPIM = "GenerateBackendAPIModels";
const _GBAPIMR = "GenerateBackendAPIModelsRequest";
const _GBAPIMRe = "GenerateBackendAPIModelsResponse";
const _GBAPIMRet = "GetBackendAPIModelsRequest";
const _GBAPIMReta = "GetBackendAPIModelsResponse";
const _GBAPIMe = "GetBackendAPIModels";
const _GBAPIR = "GetBackendAPIRequest";
const _GBAPIRe = "GetBackendAPIResponse";
const _GBAR = "GetBackendAuthRequest";
const _GBARe = "GetBackendAuthResponse";
const _GBJ = "GetBackendJob";
const _GBJR = "GetBackendJobRequest";
const _GBJRe = "GetBackendJobResponse";
const _GBR = "GetBackendRequest";
const _GBRe = "GetBackendResponse";
const _GBS = "GetBackendStorage";
const _GBSR = "GetBackendStorageRequest";
const _GBSRC = "GetBackendStorageResourceConfig";
const _GBSRe = "GetBackendStorageResponse";
const _GT = "GetToken";
const _GTE = "GatewayTimeoutException";
const _GTR = "GetTokenRequest";
const _GTRe = "GetTokenResponse";
const _I = "Imported";
const _IBA = "ImportBackendAuth";
const _IBAR = "ImportBackendAuthRequest";
const _IBARm = "ImportBackendAuthResponse";
const _IBS = "ImportBackendStorage";
const _IBSR = "ImportBackendStorageRequest";
const _IBSRm = "ImportBackendStorageResponse";
const _IPC = "IdentityPoolConfigs";
const _IPI = "IdentityPoolId";
const _IPN = "IdentityPoolName";
const _IS = "IsSuccess";
const _J = "Jobs";
const _JI = "JobId";
const _KI = "KeyId";
const _LAC = "LoginAuthConfig";
const _LACRO = "LoginAuthConfigReqObj";
const _LBJ = "ListBackendJobs";
const _LBJR = "ListBackendJobsRequest";
const _LBJRi = "ListBackendJobsResponse";
const _LOBAPIAT = "ListOfBackendAPIAuthType";
const _LOBJRO = "ListOfBackendJobRespObj";
const _LOSBI = "ListOfS3BucketInfo";
const _LSB = "ListS3Buckets";
const _LSBR = "ListS3BucketsRequest";
const _LSBRi = "ListS3BucketsResponse";
const _LT = "LimitType";
const _LWA = "LoginWithAmazon";
const _M = "Message";
const _MFAM = "MFAMode";
const _MIS = "ModelIntrospectionSchema";
const _ML = "MinimumLength";
const _MR = "MaxResults";
const _MT = "MfaTypes";
const _Mf = "Mfa";
const _Mo = "Mode";
const _Mod = "Models";
const _N = "Name";
const _NCI = "NativeClientId";
const _NFE = "NotFoundException";
const _NT = "NextToken";
const _O = "Operation";
const _OA = "OAuth";
const _OAGT = "OAuthGrantType";
const _OAS = "OAuthScopes";
const _OIDATTL = "OpenIDAuthTTL";
const _OIDCI = "OpenIDClientId";
const _OIDITTL = "OpenIDIatTTL";
const _OIDIURL = "OpenIDIssueURL";
const _OIDPN = "OpenIDProviderName";
const _P = "Permissions";
const _PK = "PrivateKey";
const _PP = "PasswordPolicy";
const _RAB = "RemoveAllBackends";
const _RABR = "RemoveAllBackendsRequest";
const _RABRe = "RemoveAllBackendsResponse";
const _RBC = "RemoveBackendConfig";
const _RBCR = "RemoveBackendConfigRequest";
const _RBCRe = "RemoveBackendConfigResponse";
const _RC = "ResourceConfig";
const _RN = "ResourceName";
const _RS = "ResolutionStrategy";
const _RSIURI = "RedirectSignInURIs";
const _RSOURI = "RedirectSignOutURIs";
const _RSUA = "RequiredSignUpAttributes";
const _RT = "ResourceType";
const _S = "Settings";
const _SBI = "S3BucketInfo";
const _SI = "SessionId";
const _SIM = "SignInMethod";
const _SIWA = "SignInWithApple";
const _SM = "SmsMessage";
const _SN = "ServiceName";
const _SPS = "SocialProviderSettings";
const _SS = "SmsSettings";
const _Se = "Service";
const _St = "Status";
const _T = "Ttl";
const _TEN = "TargetEnvironmentName";
const _TI = "TeamId";
const _TMRE = "TooManyRequestsException";
const _TS = "TransformSchema";
const _UA = "UnAuthenticated";
const _UBA = "UpdateBackendAuth";
const _UBAFPC = "UpdateBackendAuthForgotPasswordConfig";
const _UBAIPC = "UpdateBackendAuthIdentityPoolConfig";
const _UBAMFAC = "UpdateBackendAuthMFAConfig";
const _UBAOAC = "UpdateBackendAuthOAuthConfig";
const _UBAPI = "UpdateBackendAPI";
const _UBAPIR = "UpdateBackendAPIRequest";
const _UBAPIRp = "UpdateBackendAPIResponse";
const _UBAPPC = "UpdateBackendAuthPasswordPolicyConfig";
const _UBAR = "UpdateBackendAuthRequest";
const _UBARC = "UpdateBackendAuthResourceConfig";
const _UBARp = "UpdateBackendAuthResponse";
const _UBAUPC = "UpdateBackendAuthUserPoolConfig";
const _UBAVMC = "UpdateBackendAuthVerificationMessageConfig";
const _UBC = "UpdateBackendConfig";
const _UBCR = "UpdateBackendConfigRequest";
const _UBCRp = "UpdateBackendConfigResponse";
const _UBJ = "UpdateBackendJob";
const _UBJR = "UpdateBackendJobRequest";
const _UBJRp = "UpdateBackendJobResponse";
const _UBS = "UpdateBackendStorage";
const _UBSR = "UpdateBackendStorageRequest";
const _UBSRC = "UpdateBackendStorageResourceConfig";
const _UBSRp = "UpdateBackendStorageResponse";
const _UL = "UnauthenticatedLogin";
const _UPC = "UserPoolConfigs";
const _UPI = "UserPoolId";
const _UPN = "UserPoolName";
const _UT = "UpdateTime";
const _VM = "VerificationMessage";
const _WCI = "WebClientId";
const _a = "authenticated";
const _aAT = "additionalAuthTypes";
const _aC = "additionalConstraints";
const _aFF = "amplifyFeatureFlags";
const _aI = "appId";
const _aMC = "amplifyMetaConfig";
const _aN = "apiName";
const _aNp = "appName";
const _aR = "authResources";
const _acipi = "aws_cognito_identity_pool_id";
const _acr = "aws_cognito_region";
const _aupi = "aws_user_pools_id";
const _aupwci = "aws_user_pools_web_client_id";
const _b = "buckets";
const _bEL = "backendEnvironmentList";
const _bEN = "backendEnvironmentName";
const _bMAI = "backendManagerAppId";
const _bN = "bucketName";
const _c = "client";
const _cAA = "cleanAmplifyApp";
const _cC = "challengeCode";
const _cD = "creationDate";
const _cR = "conflictResolution";
const _cT = "createTime";
const _cUPI = "cognitoUserPoolId";
const _ci = "client_id";
const _cs = "client_secret";
const _d = "description";
const _dAT = "defaultAuthType";
const _dM = "deliveryMethod";
const _dP = "domainPrefix";
const _e = "error";
const _eM = "emailMessage";
const _eS = "emailSettings";
const _eSm = "emailSubject";
const _eT = "expirationTime";
const _fP = "forgotPassword";
const _h = "http";
const _hE = "httpError";
const _i = "imported";
const _iPC = "identityPoolConfigs";
const _iPI = "identityPoolId";
const _iPN = "identityPoolName";
const _iS = "isSuccess";
const _j = "jobs";
const _jI = "jobId";
const _jN = "jsonName";
const _ki = "key_id";
const _lAC = "loginAuthConfig";
const _lT = "limitType";
const _m = "message";
const _mIS = "modelIntrospectionSchema";
const _mL = "minimumLength";
const _mR = "maxResults";
const _mT = "mfaTypes";
const _mf = "mfa";
const _mo = "mode";
const _mod = "models";
const _n = "name";
const _nCI = "nativeClientId";
const _nT = "nextToken";
const _o = "operation";
const _oA = "oAuth";
const _oAGT = "oAuthGrantType";
const _oAS = "oAuthScopes";
const _oIDATTL = "openIDAuthTTL";
const _oIDCI = "openIDClientId";
const _oIDITTL = "openIDIatTTL";
const _oIDIURL = "openIDIssueURL";
const _oIDPN = "openIDProviderName";
const _p = "permissions";
const _pP = "passwordPolicy";
const _pk = "private_key";
const _rC = "resourceConfig";
const _rN = "resourceName";
const _rS = "resolutionStrategy";
const _rSIURI = "redirectSignInURIs";
const _rSOURI = "redirectSignOutURIs";
const _rSUA = "requiredSignUpAttributes";
const _rT = "resourceType";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.amplifybackend";
const _sI = "sessionId";
const _sIM = "signInMethod";
const _sM = "smsMessage";
const _sN = "serviceName";
const _sPS = "socialProviderSettings";
const _sS = "smsSettings";
const _se = "server";
const _ser = "service";
const _set = "settings";
const _st = "status";
const _t = "ttl";
const _tEN = "targetEnvironmentName";
const _tS = "transformSchema";
const _ti = "team_id";
const _uA = "unAuthenticated";
const _uL = "unauthenticatedLogin";
const _uPC = "userPoolConfigs";
const _uPI = "userPoolId";
const _uPN = "userPoolName";
const _uT = "updateTime";
const _vM = "verificationMessage";
const _wCI = "webClientId";
const n0 = "com.amazonaws.amplifybackend";
const _s_registry = new TypeRegistry(_s);
var AmplifyBackendServiceException$ = [-3, _s, "AmplifyBackendServiceException", 0, [], []];
_s_registry.registerError(AmplifyBackendServiceException$, AmplifyBackendServiceException);
const n0_registry = new TypeRegistry(n0);
var BadRequestException$ = [-3, n0, _BRE,
    { [_e]: _c, [_hE]: 400 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(BadRequestException$, BadRequestException);
var GatewayTimeoutException$ = [-3, n0, _GTE,
    { [_e]: _se, [_hE]: 504 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(GatewayTimeoutException$, GatewayTimeoutException);
var NotFoundException$ = [-3, n0, _NFE,
    { [_e]: _c, [_hE]: 404 },
    [_M, _RT],
    [[0, { [_jN]: _m }], [0, { [_jN]: _rT }]]
];
n0_registry.registerError(NotFoundException$, NotFoundException);
var TooManyRequestsException$ = [-3, n0, _TMRE,
    { [_e]: _c, [_hE]: 429 },
    [_LT, _M],
    [[0, { [_jN]: _lT }], [0, { [_jN]: _m }]]
];
n0_registry.registerError(TooManyRequestsException$, TooManyRequestsException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var BackendAPIAppSyncAuthSettings$ = [3, n0, _BAPIASAS,
    0,
    [_CUPI, _D, _ET, _OIDATTL, _OIDCI, _OIDITTL, _OIDIURL, _OIDPN],
    [[0, { [_jN]: _cUPI }], [0, { [_jN]: _d }], [1, { [_jN]: _eT }], [0, { [_jN]: _oIDATTL }], [0, { [_jN]: _oIDCI }], [0, { [_jN]: _oIDITTL }], [0, { [_jN]: _oIDIURL }], [0, { [_jN]: _oIDPN }]]
];
var BackendAPIAuthType$ = [3, n0, _BAPIAT,
    0,
    [_Mo, _S],
    [[0, { [_jN]: _mo }], [() => BackendAPIAppSyncAuthSettings$, { [_jN]: _set }]]
];
var BackendAPIConflictResolution$ = [3, n0, _BAPICR,
    0,
    [_RS],
    [[0, { [_jN]: _rS }]]
];
var BackendAPIResourceConfig$ = [3, n0, _BAPIRC,
    0,
    [_AAT, _AN, _CR, _DAT, _Se, _TS],
    [[() => ListOfBackendAPIAuthType, { [_jN]: _aAT }], [0, { [_jN]: _aN }], [() => BackendAPIConflictResolution$, { [_jN]: _cR }], [() => BackendAPIAuthType$, { [_jN]: _dAT }], [0, { [_jN]: _ser }], [0, { [_jN]: _tS }]]
];
var BackendAuthAppleProviderConfig$ = [3, n0, _BAAPC,
    8,
    [_CI, _KI, _PK, _TI],
    [[0, { [_jN]: _ci }], [0, { [_jN]: _ki }], [0, { [_jN]: _pk }], [0, { [_jN]: _ti }]]
];
var BackendAuthSocialProviderConfig$ = [3, n0, _BASPC,
    8,
    [_CI, _CS],
    [[0, { [_jN]: _ci }], [0, { [_jN]: _cs }]]
];
var BackendJobRespObj$ = [3, n0, _BJRO,
    0,
    [_AI, _BEN, _CT, _E, _JI, _O, _St, _UT],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _cT }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }], [0, { [_jN]: _uT }]], 2
];
var BackendStoragePermissions$ = [3, n0, _BSP,
    0,
    [_A, _UA],
    [[64 | 0, { [_jN]: _a }], [64 | 0, { [_jN]: _uA }]], 1
];
var CloneBackendRequest$ = [3, n0, _CBR,
    0,
    [_AI, _BEN, _TEN],
    [[0, 1], [0, 1], [0, { [_jN]: _tEN }]], 3
];
var CloneBackendResponse$ = [3, n0, _CBRl,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var CreateBackendAPIRequest$ = [3, n0, _CBAPIR,
    0,
    [_AI, _BEN, _RC, _RN],
    [[0, 1], [0, { [_jN]: _bEN }], [() => BackendAPIResourceConfig$, { [_jN]: _rC }], [0, { [_jN]: _rN }]], 4
];
var CreateBackendAPIResponse$ = [3, n0, _CBAPIRr,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var CreateBackendAuthForgotPasswordConfig$ = [3, n0, _CBAFPC,
    0,
    [_DM, _ES, _SS],
    [[0, { [_jN]: _dM }], [() => EmailSettings$, { [_jN]: _eS }], [() => SmsSettings$, { [_jN]: _sS }]], 1
];
var CreateBackendAuthIdentityPoolConfig$ = [3, n0, _CBAIPC,
    0,
    [_IPN, _UL],
    [[0, { [_jN]: _iPN }], [2, { [_jN]: _uL }]], 2
];
var CreateBackendAuthMFAConfig$ = [3, n0, _CBAMFAC,
    0,
    [_MFAM, _S],
    [0, [() => Settings$, { [_jN]: _set }]], 1
];
var CreateBackendAuthOAuthConfig$ = [3, n0, _CBAOAC,
    0,
    [_OAGT, _OAS, _RSIURI, _RSOURI, _DP, _SPS],
    [[0, { [_jN]: _oAGT }], [64 | 0, { [_jN]: _oAS }], [64 | 0, { [_jN]: _rSIURI }], [64 | 0, { [_jN]: _rSOURI }], [0, { [_jN]: _dP }], [() => SocialProviderSettings$, { [_jN]: _sPS }]], 4
];
var CreateBackendAuthPasswordPolicyConfig$ = [3, n0, _CBAPPC,
    0,
    [_ML, _AC],
    [[1, { [_jN]: _mL }], [64 | 0, { [_jN]: _aC }]], 1
];
var CreateBackendAuthRequest$ = [3, n0, _CBAR,
    0,
    [_AI, _BEN, _RC, _RN],
    [[0, 1], [0, { [_jN]: _bEN }], [() => CreateBackendAuthResourceConfig$, { [_jN]: _rC }], [0, { [_jN]: _rN }]], 4
];
var CreateBackendAuthResourceConfig$ = [3, n0, _CBARC,
    0,
    [_AR, _Se, _UPC, _IPC],
    [[0, { [_jN]: _aR }], [0, { [_jN]: _ser }], [() => CreateBackendAuthUserPoolConfig$, { [_jN]: _uPC }], [() => CreateBackendAuthIdentityPoolConfig$, { [_jN]: _iPC }]], 3
];
var CreateBackendAuthResponse$ = [3, n0, _CBARr,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var CreateBackendAuthUserPoolConfig$ = [3, n0, _CBAUPC,
    0,
    [_RSUA, _SIM, _UPN, _FP, _Mf, _OA, _PP, _VM],
    [[64 | 0, { [_jN]: _rSUA }], [0, { [_jN]: _sIM }], [0, { [_jN]: _uPN }], [() => CreateBackendAuthForgotPasswordConfig$, { [_jN]: _fP }], [() => CreateBackendAuthMFAConfig$, { [_jN]: _mf }], [() => CreateBackendAuthOAuthConfig$, { [_jN]: _oA }], [() => CreateBackendAuthPasswordPolicyConfig$, { [_jN]: _pP }], [() => CreateBackendAuthVerificationMessageConfig$, { [_jN]: _vM }]], 3
];
var CreateBackendAuthVerificationMessageConfig$ = [3, n0, _CBAVMC,
    0,
    [_DM, _ES, _SS],
    [[0, { [_jN]: _dM }], [() => EmailSettings$, { [_jN]: _eS }], [() => SmsSettings$, { [_jN]: _sS }]], 1
];
var CreateBackendConfigRequest$ = [3, n0, _CBCR,
    0,
    [_AI, _BMAI],
    [[0, 1], [0, { [_jN]: _bMAI }]], 1
];
var CreateBackendConfigResponse$ = [3, n0, _CBCRr,
    0,
    [_AI, _BEN, _JI, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _jI }], [0, { [_jN]: _st }]]
];
var CreateBackendRequest$ = [3, n0, _CBRr,
    0,
    [_AI, _ANp, _BEN, _RC, _RN],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _aNp }], [0, { [_jN]: _bEN }], [() => ResourceConfig$, { [_jN]: _rC }], [0, { [_jN]: _rN }]], 3
];
var CreateBackendResponse$ = [3, n0, _CBRre,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var CreateBackendStorageRequest$ = [3, n0, _CBSR,
    0,
    [_AI, _BEN, _RC, _RN],
    [[0, 1], [0, { [_jN]: _bEN }], [() => CreateBackendStorageResourceConfig$, { [_jN]: _rC }], [0, { [_jN]: _rN }]], 4
];
var CreateBackendStorageResourceConfig$ = [3, n0, _CBSRC,
    0,
    [_P, _SN, _BN],
    [[() => BackendStoragePermissions$, { [_jN]: _p }], [0, { [_jN]: _sN }], [0, { [_jN]: _bN }]], 2
];
var CreateBackendStorageResponse$ = [3, n0, _CBSRr,
    0,
    [_AI, _BEN, _JI, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _jI }], [0, { [_jN]: _st }]]
];
var CreateTokenRequest$ = [3, n0, _CTR,
    0,
    [_AI],
    [[0, 1]], 1
];
var CreateTokenResponse$ = [3, n0, _CTRr,
    0,
    [_AI, _CC, _SI, _T],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _cC }], [0, { [_jN]: _sI }], [0, { [_jN]: _t }]]
];
var DeleteBackendAPIRequest$ = [3, n0, _DBAPIR,
    0,
    [_AI, _BEN, _RN, _RC],
    [[0, 1], [0, 1], [0, { [_jN]: _rN }], [() => BackendAPIResourceConfig$, { [_jN]: _rC }]], 3
];
var DeleteBackendAPIResponse$ = [3, n0, _DBAPIRe,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var DeleteBackendAuthRequest$ = [3, n0, _DBAR,
    0,
    [_AI, _BEN, _RN],
    [[0, 1], [0, 1], [0, { [_jN]: _rN }]], 3
];
var DeleteBackendAuthResponse$ = [3, n0, _DBARe,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var DeleteBackendRequest$ = [3, n0, _DBR,
    0,
    [_AI, _BEN],
    [[0, 1], [0, 1]], 2
];
var DeleteBackendResponse$ = [3, n0, _DBRe,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var DeleteBackendStorageRequest$ = [3, n0, _DBSR,
    0,
    [_AI, _BEN, _RN, _SN],
    [[0, 1], [0, 1], [0, { [_jN]: _rN }], [0, { [_jN]: _sN }]], 4
];
var DeleteBackendStorageResponse$ = [3, n0, _DBSRe,
    0,
    [_AI, _BEN, _JI, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _jI }], [0, { [_jN]: _st }]]
];
var DeleteTokenRequest$ = [3, n0, _DTR,
    0,
    [_AI, _SI],
    [[0, 1], [0, 1]], 2
];
var DeleteTokenResponse$ = [3, n0, _DTRe,
    0,
    [_IS],
    [[2, { [_jN]: _iS }]]
];
var EmailSettings$ = [3, n0, _ES,
    8,
    [_EM, _ESm],
    [[0, { [_jN]: _eM }], [0, { [_jN]: _eSm }]]
];
var GenerateBackendAPIModelsRequest$ = [3, n0, _GBAPIMR,
    0,
    [_AI, _BEN, _RN],
    [[0, 1], [0, 1], [0, { [_jN]: _rN }]], 3
];
var GenerateBackendAPIModelsResponse$ = [3, n0, _GBAPIMRe,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var GetBackendAPIModelsRequest$ = [3, n0, _GBAPIMRet,
    0,
    [_AI, _BEN, _RN],
    [[0, 1], [0, 1], [0, { [_jN]: _rN }]], 3
];
var GetBackendAPIModelsResponse$ = [3, n0, _GBAPIMReta,
    0,
    [_Mod, _St, _MIS],
    [[0, { [_jN]: _mod }], [0, { [_jN]: _st }], [0, { [_jN]: _mIS }]]
];
var GetBackendAPIRequest$ = [3, n0, _GBAPIR,
    0,
    [_AI, _BEN, _RN, _RC],
    [[0, 1], [0, 1], [0, { [_jN]: _rN }], [() => BackendAPIResourceConfig$, { [_jN]: _rC }]], 3
];
var GetBackendAPIResponse$ = [3, n0, _GBAPIRe,
    0,
    [_AI, _BEN, _E, _RC, _RN],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [() => BackendAPIResourceConfig$, { [_jN]: _rC }], [0, { [_jN]: _rN }]]
];
var GetBackendAuthRequest$ = [3, n0, _GBAR,
    0,
    [_AI, _BEN, _RN],
    [[0, 1], [0, 1], [0, { [_jN]: _rN }]], 3
];
var GetBackendAuthResponse$ = [3, n0, _GBARe,
    0,
    [_AI, _BEN, _E, _RC, _RN],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [() => CreateBackendAuthResourceConfig$, { [_jN]: _rC }], [0, { [_jN]: _rN }]]
];
var GetBackendJobRequest$ = [3, n0, _GBJR,
    0,
    [_AI, _BEN, _JI],
    [[0, 1], [0, 1], [0, 1]], 3
];
var GetBackendJobResponse$ = [3, n0, _GBJRe,
    0,
    [_AI, _BEN, _CT, _E, _JI, _O, _St, _UT],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _cT }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }], [0, { [_jN]: _uT }]]
];
var GetBackendRequest$ = [3, n0, _GBR,
    0,
    [_AI, _BEN],
    [[0, 1], [0, { [_jN]: _bEN }]], 1
];
var GetBackendResponse$ = [3, n0, _GBRe,
    0,
    [_AFF, _AMC, _AI, _ANp, _BEL, _BEN, _E],
    [[0, { [_jN]: _aFF }], [0, { [_jN]: _aMC }], [0, { [_jN]: _aI }], [0, { [_jN]: _aNp }], [64 | 0, { [_jN]: _bEL }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }]]
];
var GetBackendStorageRequest$ = [3, n0, _GBSR,
    0,
    [_AI, _BEN, _RN],
    [[0, 1], [0, 1], [0, { [_jN]: _rN }]], 3
];
var GetBackendStorageResourceConfig$ = [3, n0, _GBSRC,
    0,
    [_I, _SN, _BN, _P],
    [[2, { [_jN]: _i }], [0, { [_jN]: _sN }], [0, { [_jN]: _bN }], [() => BackendStoragePermissions$, { [_jN]: _p }]], 2
];
var GetBackendStorageResponse$ = [3, n0, _GBSRe,
    0,
    [_AI, _BEN, _RC, _RN],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [() => GetBackendStorageResourceConfig$, { [_jN]: _rC }], [0, { [_jN]: _rN }]]
];
var GetTokenRequest$ = [3, n0, _GTR,
    0,
    [_AI, _SI],
    [[0, 1], [0, 1]], 2
];
var GetTokenResponse$ = [3, n0, _GTRe,
    0,
    [_AI, _CC, _SI, _T],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _cC }], [0, { [_jN]: _sI }], [0, { [_jN]: _t }]]
];
var ImportBackendAuthRequest$ = [3, n0, _IBAR,
    0,
    [_AI, _BEN, _NCI, _UPI, _WCI, _IPI],
    [[0, 1], [0, 1], [0, { [_jN]: _nCI }], [0, { [_jN]: _uPI }], [0, { [_jN]: _wCI }], [0, { [_jN]: _iPI }]], 5
];
var ImportBackendAuthResponse$ = [3, n0, _IBARm,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var ImportBackendStorageRequest$ = [3, n0, _IBSR,
    0,
    [_AI, _BEN, _SN, _BN],
    [[0, 1], [0, 1], [0, { [_jN]: _sN }], [0, { [_jN]: _bN }]], 3
];
var ImportBackendStorageResponse$ = [3, n0, _IBSRm,
    0,
    [_AI, _BEN, _JI, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _jI }], [0, { [_jN]: _st }]]
];
var ListBackendJobsRequest$ = [3, n0, _LBJR,
    0,
    [_AI, _BEN, _JI, _MR, _NT, _O, _St],
    [[0, 1], [0, 1], [0, { [_jN]: _jI }], [1, { [_jN]: _mR }], [0, { [_jN]: _nT }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]], 2
];
var ListBackendJobsResponse$ = [3, n0, _LBJRi,
    0,
    [_J, _NT],
    [[() => ListOfBackendJobRespObj, { [_jN]: _j }], [0, { [_jN]: _nT }]]
];
var ListS3BucketsRequest$ = [3, n0, _LSBR,
    0,
    [_NT],
    [[0, { [_jN]: _nT }]]
];
var ListS3BucketsResponse$ = [3, n0, _LSBRi,
    0,
    [_B, _NT],
    [[() => ListOfS3BucketInfo, { [_jN]: _b }], [0, { [_jN]: _nT }]]
];
var LoginAuthConfigReqObj$ = [3, n0, _LACRO,
    0,
    [_ACIPI, _ACR, _AUPI, _AUPWCI],
    [[0, { [_jN]: _acipi }], [0, { [_jN]: _acr }], [0, { [_jN]: _aupi }], [0, { [_jN]: _aupwci }]]
];
var RemoveAllBackendsRequest$ = [3, n0, _RABR,
    0,
    [_AI, _CAA],
    [[0, 1], [2, { [_jN]: _cAA }]], 1
];
var RemoveAllBackendsResponse$ = [3, n0, _RABRe,
    0,
    [_AI, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var RemoveBackendConfigRequest$ = [3, n0, _RBCR,
    0,
    [_AI],
    [[0, 1]], 1
];
var RemoveBackendConfigResponse$ = [3, n0, _RBCRe,
    0,
    [_E],
    [[0, { [_jN]: _e }]]
];
var ResourceConfig$ = [3, n0, _RC,
    0,
    [],
    []
];
var S3BucketInfo$ = [3, n0, _SBI,
    0,
    [_CD, _N],
    [[0, { [_jN]: _cD }], [0, { [_jN]: _n }]]
];
var Settings$ = [3, n0, _S,
    0,
    [_MT, _SM],
    [[64 | 0, { [_jN]: _mT }], [0, { [_jN]: _sM }]]
];
var SmsSettings$ = [3, n0, _SS,
    8,
    [_SM],
    [[0, { [_jN]: _sM }]]
];
var SocialProviderSettings$ = [3, n0, _SPS,
    0,
    [_F, _G, _LWA, _SIWA],
    [[() => BackendAuthSocialProviderConfig$, 0], [() => BackendAuthSocialProviderConfig$, 0], [() => BackendAuthSocialProviderConfig$, 0], [() => BackendAuthAppleProviderConfig$, 0]]
];
var UpdateBackendAPIRequest$ = [3, n0, _UBAPIR,
    0,
    [_AI, _BEN, _RN, _RC],
    [[0, 1], [0, 1], [0, { [_jN]: _rN }], [() => BackendAPIResourceConfig$, { [_jN]: _rC }]], 3
];
var UpdateBackendAPIResponse$ = [3, n0, _UBAPIRp,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var UpdateBackendAuthForgotPasswordConfig$ = [3, n0, _UBAFPC,
    0,
    [_DM, _ES, _SS],
    [[0, { [_jN]: _dM }], [() => EmailSettings$, { [_jN]: _eS }], [() => SmsSettings$, { [_jN]: _sS }]]
];
var UpdateBackendAuthIdentityPoolConfig$ = [3, n0, _UBAIPC,
    0,
    [_UL],
    [[2, { [_jN]: _uL }]]
];
var UpdateBackendAuthMFAConfig$ = [3, n0, _UBAMFAC,
    0,
    [_MFAM, _S],
    [0, [() => Settings$, { [_jN]: _set }]]
];
var UpdateBackendAuthOAuthConfig$ = [3, n0, _UBAOAC,
    0,
    [_DP, _OAGT, _OAS, _RSIURI, _RSOURI, _SPS],
    [[0, { [_jN]: _dP }], [0, { [_jN]: _oAGT }], [64 | 0, { [_jN]: _oAS }], [64 | 0, { [_jN]: _rSIURI }], [64 | 0, { [_jN]: _rSOURI }], [() => SocialProviderSettings$, { [_jN]: _sPS }]]
];
var UpdateBackendAuthPasswordPolicyConfig$ = [3, n0, _UBAPPC,
    0,
    [_AC, _ML],
    [[64 | 0, { [_jN]: _aC }], [1, { [_jN]: _mL }]]
];
var UpdateBackendAuthRequest$ = [3, n0, _UBAR,
    0,
    [_AI, _BEN, _RC, _RN],
    [[0, 1], [0, 1], [() => UpdateBackendAuthResourceConfig$, { [_jN]: _rC }], [0, { [_jN]: _rN }]], 4
];
var UpdateBackendAuthResourceConfig$ = [3, n0, _UBARC,
    0,
    [_AR, _Se, _UPC, _IPC],
    [[0, { [_jN]: _aR }], [0, { [_jN]: _ser }], [() => UpdateBackendAuthUserPoolConfig$, { [_jN]: _uPC }], [() => UpdateBackendAuthIdentityPoolConfig$, { [_jN]: _iPC }]], 3
];
var UpdateBackendAuthResponse$ = [3, n0, _UBARp,
    0,
    [_AI, _BEN, _E, _JI, _O, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }]]
];
var UpdateBackendAuthUserPoolConfig$ = [3, n0, _UBAUPC,
    0,
    [_FP, _Mf, _OA, _PP, _VM],
    [[() => UpdateBackendAuthForgotPasswordConfig$, { [_jN]: _fP }], [() => UpdateBackendAuthMFAConfig$, { [_jN]: _mf }], [() => UpdateBackendAuthOAuthConfig$, { [_jN]: _oA }], [() => UpdateBackendAuthPasswordPolicyConfig$, { [_jN]: _pP }], [() => UpdateBackendAuthVerificationMessageConfig$, { [_jN]: _vM }]]
];
var UpdateBackendAuthVerificationMessageConfig$ = [3, n0, _UBAVMC,
    0,
    [_DM, _ES, _SS],
    [[0, { [_jN]: _dM }], [() => EmailSettings$, { [_jN]: _eS }], [() => SmsSettings$, { [_jN]: _sS }]], 1
];
var UpdateBackendConfigRequest$ = [3, n0, _UBCR,
    0,
    [_AI, _LAC],
    [[0, 1], [() => LoginAuthConfigReqObj$, { [_jN]: _lAC }]], 1
];
var UpdateBackendConfigResponse$ = [3, n0, _UBCRp,
    0,
    [_AI, _BMAI, _E, _LAC],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bMAI }], [0, { [_jN]: _e }], [() => LoginAuthConfigReqObj$, { [_jN]: _lAC }]]
];
var UpdateBackendJobRequest$ = [3, n0, _UBJR,
    0,
    [_AI, _BEN, _JI, _O, _St],
    [[0, 1], [0, 1], [0, 1], [0, { [_jN]: _o }], [0, { [_jN]: _st }]], 3
];
var UpdateBackendJobResponse$ = [3, n0, _UBJRp,
    0,
    [_AI, _BEN, _CT, _E, _JI, _O, _St, _UT],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _cT }], [0, { [_jN]: _e }], [0, { [_jN]: _jI }], [0, { [_jN]: _o }], [0, { [_jN]: _st }], [0, { [_jN]: _uT }]]
];
var UpdateBackendStorageRequest$ = [3, n0, _UBSR,
    0,
    [_AI, _BEN, _RC, _RN],
    [[0, 1], [0, 1], [() => UpdateBackendStorageResourceConfig$, { [_jN]: _rC }], [0, { [_jN]: _rN }]], 4
];
var UpdateBackendStorageResourceConfig$ = [3, n0, _UBSRC,
    0,
    [_P, _SN],
    [[() => BackendStoragePermissions$, { [_jN]: _p }], [0, { [_jN]: _sN }]], 2
];
var UpdateBackendStorageResponse$ = [3, n0, _UBSRp,
    0,
    [_AI, _BEN, _JI, _St],
    [[0, { [_jN]: _aI }], [0, { [_jN]: _bEN }], [0, { [_jN]: _jI }], [0, { [_jN]: _st }]]
];
var ListOfBackendAPIAuthType = [1, n0, _LOBAPIAT,
    0, [() => BackendAPIAuthType$,
        0]
];
var ListOfBackendJobRespObj = [1, n0, _LOBJRO,
    0, [() => BackendJobRespObj$,
        0]
];
var ListOfS3BucketInfo = [1, n0, _LOSBI,
    0, [() => S3BucketInfo$,
        0]
];
var CloneBackend$ = [9, n0, _CB,
    { [_h]: ["POST", "/backend/{AppId}/environments/{BackendEnvironmentName}/clone", 200] }, () => CloneBackendRequest$, () => CloneBackendResponse$
];
var CreateBackend$ = [9, n0, _CBr,
    { [_h]: ["POST", "/backend", 200] }, () => CreateBackendRequest$, () => CreateBackendResponse$
];
var CreateBackendAPI$ = [9, n0, _CBAPI,
    { [_h]: ["POST", "/backend/{AppId}/api", 200] }, () => CreateBackendAPIRequest$, () => CreateBackendAPIResponse$
];
var CreateBackendAuth$ = [9, n0, _CBA,
    { [_h]: ["POST", "/backend/{AppId}/auth", 200] }, () => CreateBackendAuthRequest$, () => CreateBackendAuthResponse$
];
var CreateBackendConfig$ = [9, n0, _CBC,
    { [_h]: ["POST", "/backend/{AppId}/config", 200] }, () => CreateBackendConfigRequest$, () => CreateBackendConfigResponse$
];
var CreateBackendStorage$ = [9, n0, _CBS,
    { [_h]: ["POST", "/backend/{AppId}/storage", 200] }, () => CreateBackendStorageRequest$, () => CreateBackendStorageResponse$
];
var CreateToken$ = [9, n0, _CTr,
    { [_h]: ["POST", "/backend/{AppId}/challenge", 200] }, () => CreateTokenRequest$, () => CreateTokenResponse$
];
var DeleteBackend$ = [9, n0, _DB,
    { [_h]: ["POST", "/backend/{AppId}/environments/{BackendEnvironmentName}/remove", 200] }, () => DeleteBackendRequest$, () => DeleteBackendResponse$
];
var DeleteBackendAPI$ = [9, n0, _DBAPI,
    { [_h]: ["POST", "/backend/{AppId}/api/{BackendEnvironmentName}/remove", 200] }, () => DeleteBackendAPIRequest$, () => DeleteBackendAPIResponse$
];
var DeleteBackendAuth$ = [9, n0, _DBA,
    { [_h]: ["POST", "/backend/{AppId}/auth/{BackendEnvironmentName}/remove", 200] }, () => DeleteBackendAuthRequest$, () => DeleteBackendAuthResponse$
];
var DeleteBackendStorage$ = [9, n0, _DBS,
    { [_h]: ["POST", "/backend/{AppId}/storage/{BackendEnvironmentName}/remove", 200] }, () => DeleteBackendStorageRequest$, () => DeleteBackendStorageResponse$
];
var DeleteToken$ = [9, n0, _DT,
    { [_h]: ["POST", "/backend/{AppId}/challenge/{SessionId}/remove", 200] }, () => DeleteTokenRequest$, () => DeleteTokenResponse$
];
var GenerateBackendAPIModels$ = [9, n0, _GBAPIM,
    { [_h]: ["POST", "/backend/{AppId}/api/{BackendEnvironmentName}/generateModels", 200] }, () => GenerateBackendAPIModelsRequest$, () => GenerateBackendAPIModelsResponse$
];
var GetBackend$ = [9, n0, _GB,
    { [_h]: ["POST", "/backend/{AppId}/details", 200] }, () => GetBackendRequest$, () => GetBackendResponse$
];
var GetBackendAPI$ = [9, n0, _GBAPI,
    { [_h]: ["POST", "/backend/{AppId}/api/{BackendEnvironmentName}/details", 200] }, () => GetBackendAPIRequest$, () => GetBackendAPIResponse$
];
var GetBackendAPIModels$ = [9, n0, _GBAPIMe,
    { [_h]: ["POST", "/backend/{AppId}/api/{BackendEnvironmentName}/getModels", 200] }, () => GetBackendAPIModelsRequest$, () => GetBackendAPIModelsResponse$
];
var GetBackendAuth$ = [9, n0, _GBA,
    { [_h]: ["POST", "/backend/{AppId}/auth/{BackendEnvironmentName}/details", 200] }, () => GetBackendAuthRequest$, () => GetBackendAuthResponse$
];
var GetBackendJob$ = [9, n0, _GBJ,
    { [_h]: ["GET", "/backend/{AppId}/job/{BackendEnvironmentName}/{JobId}", 200] }, () => GetBackendJobRequest$, () => GetBackendJobResponse$
];
var GetBackendStorage$ = [9, n0, _GBS,
    { [_h]: ["POST", "/backend/{AppId}/storage/{BackendEnvironmentName}/details", 200] }, () => GetBackendStorageRequest$, () => GetBackendStorageResponse$
];
var GetToken$ = [9, n0, _GT,
    { [_h]: ["GET", "/backend/{AppId}/challenge/{SessionId}", 200] }, () => GetTokenRequest$, () => GetTokenResponse$
];
var ImportBackendAuth$ = [9, n0, _IBA,
    { [_h]: ["POST", "/backend/{AppId}/auth/{BackendEnvironmentName}/import", 200] }, () => ImportBackendAuthRequest$, () => ImportBackendAuthResponse$
];
var ImportBackendStorage$ = [9, n0, _IBS,
    { [_h]: ["POST", "/backend/{AppId}/storage/{BackendEnvironmentName}/import", 200] }, () => ImportBackendStorageRequest$, () => ImportBackendStorageResponse$
];
var ListBackendJobs$ = [9, n0, _LBJ,
    { [_h]: ["POST", "/backend/{AppId}/job/{BackendEnvironmentName}", 200] }, () => ListBackendJobsRequest$, () => ListBackendJobsResponse$
];
var ListS3Buckets$ = [9, n0, _LSB,
    { [_h]: ["POST", "/s3Buckets", 200] }, () => ListS3BucketsRequest$, () => ListS3BucketsResponse$
];
var RemoveAllBackends$ = [9, n0, _RAB,
    { [_h]: ["POST", "/backend/{AppId}/remove", 200] }, () => RemoveAllBackendsRequest$, () => RemoveAllBackendsResponse$
];
var RemoveBackendConfig$ = [9, n0, _RBC,
    { [_h]: ["POST", "/backend/{AppId}/config/remove", 200] }, () => RemoveBackendConfigRequest$, () => RemoveBackendConfigResponse$
];
var UpdateBackendAPI$ = [9, n0, _UBAPI,
    { [_h]: ["POST", "/backend/{AppId}/api/{BackendEnvironmentName}", 200] }, () => UpdateBackendAPIRequest$, () => UpdateBackendAPIResponse$
];
var UpdateBackendAuth$ = [9, n0, _UBA,
    { [_h]: ["POST", "/backend/{AppId}/auth/{BackendEnvironmentName}", 200] }, () => UpdateBackendAuthRequest$, () => UpdateBackendAuthResponse$
];
var UpdateBackendConfig$ = [9, n0, _UBC,
    { [_h]: ["POST", "/backend/{AppId}/config/update", 200] }, () => UpdateBackendConfigRequest$, () => UpdateBackendConfigResponse$
];
var UpdateBackendJob$ = [9, n0, _UBJ,
    { [_h]: ["POST", "/backend/{AppId}/job/{BackendEnvironmentName}/{JobId}", 200] }, () => UpdateBackendJobRequest$, () => UpdateBackendJobResponse$
];
var UpdateBackendStorage$ = [9, n0, _UBS,
    { [_h]: ["POST", "/backend/{AppId}/storage/{BackendEnvironmentName}", 200] }, () => UpdateBackendStorageRequest$, () => UpdateBackendStorageResponse$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2020-08-11",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultAmplifyBackendHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsRestJsonProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.amplifybackend",
            errorTypeRegistries,
            version: "2020-08-11",
            serviceTarget: "AmplifyBackend",
        },
        serviceId: config?.serviceId ?? "AmplifyBackend",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class AmplifyBackendClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultAmplifyBackendHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "AmplifyBackend", "AmplifyBackendClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class CloneBackendCommand extends command(_ep0, _mw0, "CloneBackend", CloneBackend$) {
}

class CreateBackendAPICommand extends command(_ep0, _mw0, "CreateBackendAPI", CreateBackendAPI$) {
}

class CreateBackendAuthCommand extends command(_ep0, _mw0, "CreateBackendAuth", CreateBackendAuth$) {
}

class CreateBackendCommand extends command(_ep0, _mw0, "CreateBackend", CreateBackend$) {
}

class CreateBackendConfigCommand extends command(_ep0, _mw0, "CreateBackendConfig", CreateBackendConfig$) {
}

class CreateBackendStorageCommand extends command(_ep0, _mw0, "CreateBackendStorage", CreateBackendStorage$) {
}

class CreateTokenCommand extends command(_ep0, _mw0, "CreateToken", CreateToken$) {
}

class DeleteBackendAPICommand extends command(_ep0, _mw0, "DeleteBackendAPI", DeleteBackendAPI$) {
}

class DeleteBackendAuthCommand extends command(_ep0, _mw0, "DeleteBackendAuth", DeleteBackendAuth$) {
}

class DeleteBackendCommand extends command(_ep0, _mw0, "DeleteBackend", DeleteBackend$) {
}

class DeleteBackendStorageCommand extends command(_ep0, _mw0, "DeleteBackendStorage", DeleteBackendStorage$) {
}

class DeleteTokenCommand extends command(_ep0, _mw0, "DeleteToken", DeleteToken$) {
}

class GenerateBackendAPIModelsCommand extends command(_ep0, _mw0, "GenerateBackendAPIModels", GenerateBackendAPIModels$) {
}

class GetBackendAPICommand extends command(_ep0, _mw0, "GetBackendAPI", GetBackendAPI$) {
}

class GetBackendAPIModelsCommand extends command(_ep0, _mw0, "GetBackendAPIModels", GetBackendAPIModels$) {
}

class GetBackendAuthCommand extends command(_ep0, _mw0, "GetBackendAuth", GetBackendAuth$) {
}

class GetBackendCommand extends command(_ep0, _mw0, "GetBackend", GetBackend$) {
}

class GetBackendJobCommand extends command(_ep0, _mw0, "GetBackendJob", GetBackendJob$) {
}

class GetBackendStorageCommand extends command(_ep0, _mw0, "GetBackendStorage", GetBackendStorage$) {
}

class GetTokenCommand extends command(_ep0, _mw0, "GetToken", GetToken$) {
}

class ImportBackendAuthCommand extends command(_ep0, _mw0, "ImportBackendAuth", ImportBackendAuth$) {
}

class ImportBackendStorageCommand extends command(_ep0, _mw0, "ImportBackendStorage", ImportBackendStorage$) {
}

class ListBackendJobsCommand extends command(_ep0, _mw0, "ListBackendJobs", ListBackendJobs$) {
}

class ListS3BucketsCommand extends command(_ep0, _mw0, "ListS3Buckets", ListS3Buckets$) {
}

class RemoveAllBackendsCommand extends command(_ep0, _mw0, "RemoveAllBackends", RemoveAllBackends$) {
}

class RemoveBackendConfigCommand extends command(_ep0, _mw0, "RemoveBackendConfig", RemoveBackendConfig$) {
}

class UpdateBackendAPICommand extends command(_ep0, _mw0, "UpdateBackendAPI", UpdateBackendAPI$) {
}

class UpdateBackendAuthCommand extends command(_ep0, _mw0, "UpdateBackendAuth", UpdateBackendAuth$) {
}

class UpdateBackendConfigCommand extends command(_ep0, _mw0, "UpdateBackendConfig", UpdateBackendConfig$) {
}

class UpdateBackendJobCommand extends command(_ep0, _mw0, "UpdateBackendJob", UpdateBackendJob$) {
}

class UpdateBackendStorageCommand extends command(_ep0, _mw0, "UpdateBackendStorage", UpdateBackendStorage$) {
}

const commands = {
    CloneBackendCommand,
    CreateBackendCommand,
    CreateBackendAPICommand,
    CreateBackendAuthCommand,
    CreateBackendConfigCommand,
    CreateBackendStorageCommand,
    CreateTokenCommand,
    DeleteBackendCommand,
    DeleteBackendAPICommand,
    DeleteBackendAuthCommand,
    DeleteBackendStorageCommand,
    DeleteTokenCommand,
    GenerateBackendAPIModelsCommand,
    GetBackendCommand,
    GetBackendAPICommand,
    GetBackendAPIModelsCommand,
    GetBackendAuthCommand,
    GetBackendJobCommand,
    GetBackendStorageCommand,
    GetTokenCommand,
    ImportBackendAuthCommand,
    ImportBackendStorageCommand,
    ListBackendJobsCommand,
    ListS3BucketsCommand,
    RemoveAllBackendsCommand,
    RemoveBackendConfigCommand,
    UpdateBackendAPICommand,
    UpdateBackendAuthCommand,
    UpdateBackendConfigCommand,
    UpdateBackendJobCommand,
    UpdateBackendStorageCommand,
};
class AmplifyBackend extends AmplifyBackendClient {
}
createAggregatedClient(commands, AmplifyBackend);

const AdditionalConstraintsElement = {
    REQUIRE_DIGIT: "REQUIRE_DIGIT",
    REQUIRE_LOWERCASE: "REQUIRE_LOWERCASE",
    REQUIRE_SYMBOL: "REQUIRE_SYMBOL",
    REQUIRE_UPPERCASE: "REQUIRE_UPPERCASE",
};
const Mode = {
    AMAZON_COGNITO_USER_POOLS: "AMAZON_COGNITO_USER_POOLS",
    API_KEY: "API_KEY",
    AWS_IAM: "AWS_IAM",
    OPENID_CONNECT: "OPENID_CONNECT",
};
const ResolutionStrategy = {
    AUTOMERGE: "AUTOMERGE",
    LAMBDA: "LAMBDA",
    NONE: "NONE",
    OPTIMISTIC_CONCURRENCY: "OPTIMISTIC_CONCURRENCY",
};
const AuthResources = {
    IDENTITY_POOL_AND_USER_POOL: "IDENTITY_POOL_AND_USER_POOL",
    USER_POOL_ONLY: "USER_POOL_ONLY",
};
const Service = {
    COGNITO: "COGNITO",
};
const DeliveryMethod = {
    EMAIL: "EMAIL",
    SMS: "SMS",
};
const MFAMode = {
    OFF: "OFF",
    ON: "ON",
    OPTIONAL: "OPTIONAL",
};
const MfaTypesElement = {
    SMS: "SMS",
    TOTP: "TOTP",
};
const OAuthGrantType = {
    CODE: "CODE",
    IMPLICIT: "IMPLICIT",
};
const OAuthScopesElement = {
    AWS_COGNITO_SIGNIN_USER_ADMIN: "AWS_COGNITO_SIGNIN_USER_ADMIN",
    EMAIL: "EMAIL",
    OPENID: "OPENID",
    PHONE: "PHONE",
    PROFILE: "PROFILE",
};
const RequiredSignUpAttributesElement = {
    ADDRESS: "ADDRESS",
    BIRTHDATE: "BIRTHDATE",
    EMAIL: "EMAIL",
    FAMILY_NAME: "FAMILY_NAME",
    GENDER: "GENDER",
    GIVEN_NAME: "GIVEN_NAME",
    LOCALE: "LOCALE",
    MIDDLE_NAME: "MIDDLE_NAME",
    NAME: "NAME",
    NICKNAME: "NICKNAME",
    PHONE_NUMBER: "PHONE_NUMBER",
    PICTURE: "PICTURE",
    PREFERRED_USERNAME: "PREFERRED_USERNAME",
    PROFILE: "PROFILE",
    UPDATED_AT: "UPDATED_AT",
    WEBSITE: "WEBSITE",
    ZONE_INFO: "ZONE_INFO",
};
const SignInMethod = {
    EMAIL: "EMAIL",
    EMAIL_AND_PHONE_NUMBER: "EMAIL_AND_PHONE_NUMBER",
    PHONE_NUMBER: "PHONE_NUMBER",
    USERNAME: "USERNAME",
};
const AuthenticatedElement = {
    CREATE_AND_UPDATE: "CREATE_AND_UPDATE",
    DELETE: "DELETE",
    READ: "READ",
};
const UnAuthenticatedElement = {
    CREATE_AND_UPDATE: "CREATE_AND_UPDATE",
    DELETE: "DELETE",
    READ: "READ",
};
const ServiceName = {
    S3: "S3",
};
const Status = {
    LATEST: "LATEST",
    STALE: "STALE",
};

exports.AdditionalConstraintsElement = AdditionalConstraintsElement;
exports.AmplifyBackend = AmplifyBackend;
exports.AmplifyBackendClient = AmplifyBackendClient;
exports.AmplifyBackendServiceException = AmplifyBackendServiceException;
exports.AmplifyBackendServiceException$ = AmplifyBackendServiceException$;
exports.AuthResources = AuthResources;
exports.AuthenticatedElement = AuthenticatedElement;
exports.BackendAPIAppSyncAuthSettings$ = BackendAPIAppSyncAuthSettings$;
exports.BackendAPIAuthType$ = BackendAPIAuthType$;
exports.BackendAPIConflictResolution$ = BackendAPIConflictResolution$;
exports.BackendAPIResourceConfig$ = BackendAPIResourceConfig$;
exports.BackendAuthAppleProviderConfig$ = BackendAuthAppleProviderConfig$;
exports.BackendAuthSocialProviderConfig$ = BackendAuthSocialProviderConfig$;
exports.BackendJobRespObj$ = BackendJobRespObj$;
exports.BackendStoragePermissions$ = BackendStoragePermissions$;
exports.BadRequestException = BadRequestException;
exports.BadRequestException$ = BadRequestException$;
exports.CloneBackend$ = CloneBackend$;
exports.CloneBackendCommand = CloneBackendCommand;
exports.CloneBackendRequest$ = CloneBackendRequest$;
exports.CloneBackendResponse$ = CloneBackendResponse$;
exports.CreateBackend$ = CreateBackend$;
exports.CreateBackendAPI$ = CreateBackendAPI$;
exports.CreateBackendAPICommand = CreateBackendAPICommand;
exports.CreateBackendAPIRequest$ = CreateBackendAPIRequest$;
exports.CreateBackendAPIResponse$ = CreateBackendAPIResponse$;
exports.CreateBackendAuth$ = CreateBackendAuth$;
exports.CreateBackendAuthCommand = CreateBackendAuthCommand;
exports.CreateBackendAuthForgotPasswordConfig$ = CreateBackendAuthForgotPasswordConfig$;
exports.CreateBackendAuthIdentityPoolConfig$ = CreateBackendAuthIdentityPoolConfig$;
exports.CreateBackendAuthMFAConfig$ = CreateBackendAuthMFAConfig$;
exports.CreateBackendAuthOAuthConfig$ = CreateBackendAuthOAuthConfig$;
exports.CreateBackendAuthPasswordPolicyConfig$ = CreateBackendAuthPasswordPolicyConfig$;
exports.CreateBackendAuthRequest$ = CreateBackendAuthRequest$;
exports.CreateBackendAuthResourceConfig$ = CreateBackendAuthResourceConfig$;
exports.CreateBackendAuthResponse$ = CreateBackendAuthResponse$;
exports.CreateBackendAuthUserPoolConfig$ = CreateBackendAuthUserPoolConfig$;
exports.CreateBackendAuthVerificationMessageConfig$ = CreateBackendAuthVerificationMessageConfig$;
exports.CreateBackendCommand = CreateBackendCommand;
exports.CreateBackendConfig$ = CreateBackendConfig$;
exports.CreateBackendConfigCommand = CreateBackendConfigCommand;
exports.CreateBackendConfigRequest$ = CreateBackendConfigRequest$;
exports.CreateBackendConfigResponse$ = CreateBackendConfigResponse$;
exports.CreateBackendRequest$ = CreateBackendRequest$;
exports.CreateBackendResponse$ = CreateBackendResponse$;
exports.CreateBackendStorage$ = CreateBackendStorage$;
exports.CreateBackendStorageCommand = CreateBackendStorageCommand;
exports.CreateBackendStorageRequest$ = CreateBackendStorageRequest$;
exports.CreateBackendStorageResourceConfig$ = CreateBackendStorageResourceConfig$;
exports.CreateBackendStorageResponse$ = CreateBackendStorageResponse$;
exports.CreateToken$ = CreateToken$;
exports.CreateTokenCommand = CreateTokenCommand;
exports.CreateTokenRequest$ = CreateTokenRequest$;
exports.CreateTokenResponse$ = CreateTokenResponse$;
exports.DeleteBackend$ = DeleteBackend$;
exports.DeleteBackendAPI$ = DeleteBackendAPI$;
exports.DeleteBackendAPICommand = DeleteBackendAPICommand;
exports.DeleteBackendAPIRequest$ = DeleteBackendAPIRequest$;
exports.DeleteBackendAPIResponse$ = DeleteBackendAPIResponse$;
exports.DeleteBackendAuth$ = DeleteBackendAuth$;
exports.DeleteBackendAuthCommand = DeleteBackendAuthCommand;
exports.DeleteBackendAuthRequest$ = DeleteBackendAuthRequest$;
exports.DeleteBackendAuthResponse$ = DeleteBackendAuthResponse$;
exports.DeleteBackendCommand = DeleteBackendCommand;
exports.DeleteBackendRequest$ = DeleteBackendRequest$;
exports.DeleteBackendResponse$ = DeleteBackendResponse$;
exports.DeleteBackendStorage$ = DeleteBackendStorage$;
exports.DeleteBackendStorageCommand = DeleteBackendStorageCommand;
exports.DeleteBackendStorageRequest$ = DeleteBackendStorageRequest$;
exports.DeleteBackendStorageResponse$ = DeleteBackendStorageResponse$;
exports.DeleteToken$ = DeleteToken$;
exports.DeleteTokenCommand = DeleteTokenCommand;
exports.DeleteTokenRequest$ = DeleteTokenRequest$;
exports.DeleteTokenResponse$ = DeleteTokenResponse$;
exports.DeliveryMethod = DeliveryMethod;
exports.EmailSettings$ = EmailSettings$;
exports.GatewayTimeoutException = GatewayTimeoutException;
exports.GatewayTimeoutException$ = GatewayTimeoutException$;
exports.GenerateBackendAPIModels$ = GenerateBackendAPIModels$;
exports.GenerateBackendAPIModelsCommand = GenerateBackendAPIModelsCommand;
exports.GenerateBackendAPIModelsRequest$ = GenerateBackendAPIModelsRequest$;
exports.GenerateBackendAPIModelsResponse$ = GenerateBackendAPIModelsResponse$;
exports.GetBackend$ = GetBackend$;
exports.GetBackendAPI$ = GetBackendAPI$;
exports.GetBackendAPICommand = GetBackendAPICommand;
exports.GetBackendAPIModels$ = GetBackendAPIModels$;
exports.GetBackendAPIModelsCommand = GetBackendAPIModelsCommand;
exports.GetBackendAPIModelsRequest$ = GetBackendAPIModelsRequest$;
exports.GetBackendAPIModelsResponse$ = GetBackendAPIModelsResponse$;
exports.GetBackendAPIRequest$ = GetBackendAPIRequest$;
exports.GetBackendAPIResponse$ = GetBackendAPIResponse$;
exports.GetBackendAuth$ = GetBackendAuth$;
exports.GetBackendAuthCommand = GetBackendAuthCommand;
exports.GetBackendAuthRequest$ = GetBackendAuthRequest$;
exports.GetBackendAuthResponse$ = GetBackendAuthResponse$;
exports.GetBackendCommand = GetBackendCommand;
exports.GetBackendJob$ = GetBackendJob$;
exports.GetBackendJobCommand = GetBackendJobCommand;
exports.GetBackendJobRequest$ = GetBackendJobRequest$;
exports.GetBackendJobResponse$ = GetBackendJobResponse$;
exports.GetBackendRequest$ = GetBackendRequest$;
exports.GetBackendResponse$ = GetBackendResponse$;
exports.GetBackendStorage$ = GetBackendStorage$;
exports.GetBackendStorageCommand = GetBackendStorageCommand;
exports.GetBackendStorageRequest$ = GetBackendStorageRequest$;
exports.GetBackendStorageResourceConfig$ = GetBackendStorageResourceConfig$;
exports.GetBackendStorageResponse$ = GetBackendStorageResponse$;
exports.GetToken$ = GetToken$;
exports.GetTokenCommand = GetTokenCommand;
exports.GetTokenRequest$ = GetTokenRequest$;
exports.GetTokenResponse$ = GetTokenResponse$;
exports.ImportBackendAuth$ = ImportBackendAuth$;
exports.ImportBackendAuthCommand = ImportBackendAuthCommand;
exports.ImportBackendAuthRequest$ = ImportBackendAuthRequest$;
exports.ImportBackendAuthResponse$ = ImportBackendAuthResponse$;
exports.ImportBackendStorage$ = ImportBackendStorage$;
exports.ImportBackendStorageCommand = ImportBackendStorageCommand;
exports.ImportBackendStorageRequest$ = ImportBackendStorageRequest$;
exports.ImportBackendStorageResponse$ = ImportBackendStorageResponse$;
exports.ListBackendJobs$ = ListBackendJobs$;
exports.ListBackendJobsCommand = ListBackendJobsCommand;
exports.ListBackendJobsRequest$ = ListBackendJobsRequest$;
exports.ListBackendJobsResponse$ = ListBackendJobsResponse$;
exports.ListS3Buckets$ = ListS3Buckets$;
exports.ListS3BucketsCommand = ListS3BucketsCommand;
exports.ListS3BucketsRequest$ = ListS3BucketsRequest$;
exports.ListS3BucketsResponse$ = ListS3BucketsResponse$;
exports.LoginAuthConfigReqObj$ = LoginAuthConfigReqObj$;
exports.MFAMode = MFAMode;
exports.MfaTypesElement = MfaTypesElement;
exports.Mode = Mode;
exports.NotFoundException = NotFoundException;
exports.NotFoundException$ = NotFoundException$;
exports.OAuthGrantType = OAuthGrantType;
exports.OAuthScopesElement = OAuthScopesElement;
exports.RemoveAllBackends$ = RemoveAllBackends$;
exports.RemoveAllBackendsCommand = RemoveAllBackendsCommand;
exports.RemoveAllBackendsRequest$ = RemoveAllBackendsRequest$;
exports.RemoveAllBackendsResponse$ = RemoveAllBackendsResponse$;
exports.RemoveBackendConfig$ = RemoveBackendConfig$;
exports.RemoveBackendConfigCommand = RemoveBackendConfigCommand;
exports.RemoveBackendConfigRequest$ = RemoveBackendConfigRequest$;
exports.RemoveBackendConfigResponse$ = RemoveBackendConfigResponse$;
exports.RequiredSignUpAttributesElement = RequiredSignUpAttributesElement;
exports.ResolutionStrategy = ResolutionStrategy;
exports.ResourceConfig$ = ResourceConfig$;
exports.S3BucketInfo$ = S3BucketInfo$;
exports.Service = Service;
exports.ServiceName = ServiceName;
exports.Settings$ = Settings$;
exports.SignInMethod = SignInMethod;
exports.SmsSettings$ = SmsSettings$;
exports.SocialProviderSettings$ = SocialProviderSettings$;
exports.Status = Status;
exports.TooManyRequestsException = TooManyRequestsException;
exports.TooManyRequestsException$ = TooManyRequestsException$;
exports.UnAuthenticatedElement = UnAuthenticatedElement;
exports.UpdateBackendAPI$ = UpdateBackendAPI$;
exports.UpdateBackendAPICommand = UpdateBackendAPICommand;
exports.UpdateBackendAPIRequest$ = UpdateBackendAPIRequest$;
exports.UpdateBackendAPIResponse$ = UpdateBackendAPIResponse$;
exports.UpdateBackendAuth$ = UpdateBackendAuth$;
exports.UpdateBackendAuthCommand = UpdateBackendAuthCommand;
exports.UpdateBackendAuthForgotPasswordConfig$ = UpdateBackendAuthForgotPasswordConfig$;
exports.UpdateBackendAuthIdentityPoolConfig$ = UpdateBackendAuthIdentityPoolConfig$;
exports.UpdateBackendAuthMFAConfig$ = UpdateBackendAuthMFAConfig$;
exports.UpdateBackendAuthOAuthConfig$ = UpdateBackendAuthOAuthConfig$;
exports.UpdateBackendAuthPasswordPolicyConfig$ = UpdateBackendAuthPasswordPolicyConfig$;
exports.UpdateBackendAuthRequest$ = UpdateBackendAuthRequest$;
exports.UpdateBackendAuthResourceConfig$ = UpdateBackendAuthResourceConfig$;
exports.UpdateBackendAuthResponse$ = UpdateBackendAuthResponse$;
exports.UpdateBackendAuthUserPoolConfig$ = UpdateBackendAuthUserPoolConfig$;
exports.UpdateBackendAuthVerificationMessageConfig$ = UpdateBackendAuthVerificationMessageConfig$;
exports.UpdateBackendConfig$ = UpdateBackendConfig$;
exports.UpdateBackendConfigCommand = UpdateBackendConfigCommand;
exports.UpdateBackendConfigRequest$ = UpdateBackendConfigRequest$;
exports.UpdateBackendConfigResponse$ = UpdateBackendConfigResponse$;
exports.UpdateBackendJob$ = UpdateBackendJob$;
exports.UpdateBackendJobCommand = UpdateBackendJobCommand;
exports.UpdateBackendJobRequest$ = UpdateBackendJobRequest$;
exports.UpdateBackendJobResponse$ = UpdateBackendJobResponse$;
exports.UpdateBackendStorage$ = UpdateBackendStorage$;
exports.UpdateBackendStorageCommand = UpdateBackendStorageCommand;
exports.UpdateBackendStorageRequest$ = UpdateBackendStorageRequest$;
exports.UpdateBackendStorageResourceConfig$ = UpdateBackendStorageResourceConfig$;
exports.UpdateBackendStorageResponse$ = UpdateBackendStorageResponse$;
exports.errorTypeRegistries = errorTypeRegistries;


/***/ })

};
