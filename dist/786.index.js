export const id = 786;
export const ids = [786];
export const modules = {

/***/ 6786:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(2771);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin, createPaginator } = __webpack_require__(402);
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

const defaultAmplifyUIBuilderHttpAuthSchemeParametersProvider = async (config, context, input) => {
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
            name: "amplifyuibuilder",
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
const defaultAmplifyUIBuilderHttpAuthSchemeProvider = (authParameters) => {
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
        defaultSigningName: "amplifyuibuilder",
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
        ["https://amplifyuibuilder-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://amplifyuibuilder-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://amplifyuibuilder.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://amplifyuibuilder.{Region}.{PartitionResult#dnsSuffix}", i],
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

class AmplifyUIBuilderServiceException extends ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, AmplifyUIBuilderServiceException.prototype);
    }
}

class InternalServerException extends AmplifyUIBuilderServiceException {
    name = "InternalServerException";
    $fault = "server";
    constructor(opts) {
        super({
            name: "InternalServerException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalServerException.prototype);
    }
}
class InvalidParameterException extends AmplifyUIBuilderServiceException {
    name = "InvalidParameterException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidParameterException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidParameterException.prototype);
    }
}
class ResourceNotFoundException extends AmplifyUIBuilderServiceException {
    name = "ResourceNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ResourceNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
    }
}
class ThrottlingException extends AmplifyUIBuilderServiceException {
    name = "ThrottlingException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ThrottlingException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ThrottlingException.prototype);
    }
}
class ResourceConflictException extends AmplifyUIBuilderServiceException {
    name = "ResourceConflictException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ResourceConflictException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceConflictException.prototype);
    }
}
class ServiceQuotaExceededException extends AmplifyUIBuilderServiceException {
    name = "ServiceQuotaExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ServiceQuotaExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype);
    }
}
class UnauthorizedException extends AmplifyUIBuilderServiceException {
    name = "UnauthorizedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "UnauthorizedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, UnauthorizedException.prototype);
    }
}

const _AC = "ApiConfiguration";
const _AP = "ActionParameters";
const _C = "Component";
const _CBP = "ComponentBindingProperties";
const _CBPV = "ComponentBindingPropertiesValue";
const _CBPVP = "ComponentBindingPropertiesValueProperties";
const _CC = "ComponentChild";
const _CCD = "CreateComponentData";
const _CCL = "ComponentChildList";
const _CCP = "ComponentConditionProperty";
const _CCPo = "ComponentCollectionProperties";
const _CCR = "CreateComponentRequest";
const _CCRr = "CreateComponentResponse";
const _CCr = "CreateComponent";
const _CD = "CodegenDependency";
const _CDC = "ComponentDataConfiguration";
const _CDo = "CodegenDependencies";
const _CE = "ComponentEvent";
const _CEo = "ComponentEvents";
const _CF = "CreateForm";
const _CFD = "CreateFormData";
const _CFF = "CodegenFeatureFlags";
const _CFR = "CreateFormRequest";
const _CFRr = "CreateFormResponse";
const _CGDE = "CodegenGenericDataEnum";
const _CGDEo = "CodegenGenericDataEnums";
const _CGDF = "CodegenGenericDataField";
const _CGDFo = "CodegenGenericDataFields";
const _CGDM = "CodegenGenericDataModel";
const _CGDMo = "CodegenGenericDataModels";
const _CGDNM = "CodegenGenericDataNonModel";
const _CGDNMF = "CodegenGenericDataNonModelFields";
const _CGDNMo = "CodegenGenericDataNonModels";
const _CGDRT = "CodegenGenericDataRelationshipType";
const _CJ = "CodegenJob";
const _CJA = "CodegenJobAsset";
const _CJGDS = "CodegenJobGenericDataSchema";
const _CJRC = "CodegenJobRenderConfig";
const _CJS = "CodegenJobSummary";
const _CJSL = "CodegenJobSummaryList";
const _CL = "ComponentList";
const _CO = "ComponentOverrides";
const _CP = "ComponentProperty";
const _CPBP = "ComponentPropertyBindingProperties";
const _CPL = "ComponentPropertyList";
const _CPo = "ComponentProperties";
const _CS = "ComponentSummary";
const _CSL = "ComponentSummaryList";
const _CT = "CreateTheme";
const _CTD = "CreateThemeData";
const _CTR = "CreateThemeRequest";
const _CTRr = "CreateThemeResponse";
const _CV = "ComponentVariant";
const _CVo = "ComponentVariants";
const _DC = "DeleteComponent";
const _DCR = "DeleteComponentRequest";
const _DF = "DeleteForm";
const _DFR = "DeleteFormRequest";
const _DSRC = "DataStoreRenderConfig";
const _DT = "DeleteTheme";
const _DTR = "DeleteThemeRequest";
const _EC = "ExportComponents";
const _ECFT = "ExchangeCodeForToken";
const _ECFTR = "ExchangeCodeForTokenRequest";
const _ECFTRB = "ExchangeCodeForTokenRequestBody";
const _ECFTRx = "ExchangeCodeForTokenResponse";
const _ECR = "ExportComponentsRequest";
const _ECRx = "ExportComponentsResponse";
const _EF = "ExportForms";
const _EFR = "ExportFormsRequest";
const _EFRx = "ExportFormsResponse";
const _ET = "ExportThemes";
const _ETR = "ExportThemesRequest";
const _ETRx = "ExportThemesResponse";
const _F = "Form";
const _FB = "FormButton";
const _FBE = "FormBindingElement";
const _FBo = "FormBindings";
const _FC = "FieldConfig";
const _FCTA = "FormCTA";
const _FDTC = "FormDataTypeConfig";
const _FIBP = "FormInputBindingProperties";
const _FIBPV = "FormInputBindingPropertiesValue";
const _FIBPVP = "FormInputBindingPropertiesValueProperties";
const _FIC = "FieldInputConfig";
const _FIVP = "FormInputValueProperty";
const _FIVPBP = "FormInputValuePropertyBindingProperties";
const _FIVPL = "FormInputValuePropertyList";
const _FL = "FormList";
const _FM = "FieldsMap";
const _FP = "FieldPosition";
const _FS = "FormStyle";
const _FSC = "FormStyleConfig";
const _FSL = "FormSummaryList";
const _FSo = "FormSummary";
const _FUFC = "FileUploaderFieldConfig";
const _FVC = "FieldValidationConfiguration";
const _GC = "GetComponent";
const _GCJ = "GetCodegenJob";
const _GCJR = "GetCodegenJobRequest";
const _GCJRe = "GetCodegenJobResponse";
const _GCR = "GetComponentRequest";
const _GCRe = "GetComponentResponse";
const _GF = "GetForm";
const _GFR = "GetFormRequest";
const _GFRe = "GetFormResponse";
const _GM = "GetMetadata";
const _GMR = "GetMetadataRequest";
const _GMRe = "GetMetadataResponse";
const _GQLRC = "GraphQLRenderConfig";
const _GT = "GetTheme";
const _GTR = "GetThemeRequest";
const _GTRe = "GetThemeResponse";
const _IPE = "InvalidParameterException";
const _ISE = "InternalServerException";
const _LC = "ListComponents";
const _LCJ = "ListCodegenJobs";
const _LCJR = "ListCodegenJobsRequest";
const _LCJRi = "ListCodegenJobsResponse";
const _LCR = "ListComponentsRequest";
const _LCRi = "ListComponentsResponse";
const _LF = "ListForms";
const _LFR = "ListFormsRequest";
const _LFRi = "ListFormsResponse";
const _LT = "ListThemes";
const _LTFR = "ListTagsForResource";
const _LTFRR = "ListTagsForResourceRequest";
const _LTFRRi = "ListTagsForResourceResponse";
const _LTR = "ListThemesRequest";
const _LTRi = "ListThemesResponse";
const _MASSP = "MutationActionSetStateParameter";
const _NARC = "NoApiRenderConfig";
const _P = "Predicate";
const _PL = "PredicateList";
const _PMF = "PutMetadataFlag";
const _PMFB = "PutMetadataFlagBody";
const _PMFR = "PutMetadataFlagRequest";
const _RCE = "ResourceConflictException";
const _RNFE = "ResourceNotFoundException";
const _RSCJD = "ReactStartCodegenJobData";
const _RT = "RefreshToken";
const _RTR = "RefreshTokenRequest";
const _RTRB = "RefreshTokenRequestBody";
const _RTRe = "RefreshTokenResponse";
const _SCJ = "StartCodegenJob";
const _SCJD = "StartCodegenJobData";
const _SCJR = "StartCodegenJobRequest";
const _SCJRt = "StartCodegenJobResponse";
const _SE = "SectionalElement";
const _SEM = "SectionalElementMap";
const _SP = "SortProperty";
const _SPL = "SortPropertyList";
const _SQEE = "ServiceQuotaExceededException";
const _SS = "SensitiveString";
const _T = "Theme";
const _TE = "ThrottlingException";
const _TL = "ThemeList";
const _TR = "TagResource";
const _TRR = "TagResourceRequest";
const _TRRa = "TagResourceResponse";
const _TS = "ThemeSummary";
const _TSL = "ThemeSummaryList";
const _TV = "ThemeValue";
const _TVL = "ThemeValuesList";
const _TVh = "ThemeValues";
const _UC = "UpdateComponent";
const _UCD = "UpdateComponentData";
const _UCR = "UpdateComponentRequest";
const _UCRp = "UpdateComponentResponse";
const _UE = "UnauthorizedException";
const _UF = "UpdateForm";
const _UFD = "UpdateFormData";
const _UFR = "UpdateFormRequest";
const _UFRp = "UpdateFormResponse";
const _UR = "UntagResource";
const _URR = "UntagResourceRequest";
const _URRn = "UntagResourceResponse";
const _UT = "UpdateTheme";
const _UTD = "UpdateThemeData";
const _UTR = "UpdateThemeRequest";
const _UTRp = "UpdateThemeResponse";
const _VL = "ValidationsList";
const _VM = "ValueMapping";
const _VML = "ValueMappingList";
const _VMa = "ValueMappings";
const _a = "anchor";
const _aC = "apiConfiguration";
const _aF = "associatedFields";
const _aFT = "acceptedFileTypes";
const _aGF = "autoGenerateForms";
const _aI = "appId";
const _aL = "accessLevel";
const _aT = "accessToken";
const _ac = "action";
const _an = "and";
const _as = "asset";
const _b = "bucket";
const _bE = "bindingEvent";
const _bP = "bindingProperties";
const _bTFORM = "belongsToFieldOnRelatedModel";
const _be = "below";
const _bi = "bindings";
const _bo = "body";
const _c = "client";
const _cA = "createdAt";
const _cBP = "collectionBindingProperties";
const _cI = "clientId";
const _cJTC = "codegenJobToCreate";
const _cN = "componentName";
const _cP = "collectionProperties";
const _cT = "componentType";
const _cTC = "componentToCreate";
const _cTl = "clientToken";
const _cUAM = "canUnlinkAssociatedModel";
const _ca = "cancel";
const _ch = "children";
const _cl = "clear";
const _co = "concat";
const _cod = "code";
const _com = "component";
const _con = "condition";
const _conf = "configured";
const _ct = "cta";
const _d = "dependencies";
const _dC = "defaultChecked";
const _dCC = "defaultCountryCode";
const _dSC = "dataStoreConfig";
const _dST = "dataSourceType";
const _dT = "dataType";
const _dTN = "dataTypeName";
const _dTV = "dataTypeValue";
const _dTe = "descriptiveText";
const _dU = "downloadUrl";
const _dV = "defaultValue";
const _dVi = "displayValue";
const _di = "direction";
const _e = "error";
const _eI = "expiresIn";
const _eN = "environmentName";
const _el = "else";
const _ele = "element";
const _en = "enums";
const _ent = "entity";
const _enti = "entities";
const _ev = "events";
const _eve = "event";
const _ex = "excluded";
const _f = "fields";
const _fAT = "formActionType";
const _fFP = "fragmentsFilePath";
const _fN = "featureName";
const _fTC = "formToCreate";
const _fUC = "fileUploaderConfig";
const _fe = "features";
const _fi = "field";
const _fix = "fixed";
const _fo = "form";
const _g = "global";
const _gDS = "genericDataSchema";
const _gQLC = "graphQLConfig";
const _h = "http";
const _hE = "httpError";
const _hG = "horizontalGap";
const _hQ = "httpQuery";
const _i = "id";
const _iA = "isArray";
const _iHMI = "isHasManyIndex";
const _iJT = "isJoinTable";
const _iNMS = "isNonModelSupported";
const _iR = "isResumable";
const _iRS = "isRelationshipSupported";
const _iSM = "inlineSourceMap";
const _iSV = "isSemVer";
const _iT = "idempotencyToken";
const _iTn = "inputType";
const _iV = "importedValue";
const _id = "identifiers";
const _j = "job";
const _k = "key";
const _l = "label";
const _lD = "labelDecorator";
const _le = "level";
const _m = "message";
const _mA = "modifiedAt";
const _mFC = "maxFileCount";
const _mFP = "mutationsFilePath";
const _mR = "maxResults";
const _mS = "maxSize";
const _mV = "minValue";
const _mVa = "maxValue";
const _mo = "model";
const _mod = "models";
const _modu = "module";
const _n = "name";
const _nAC = "noApiConfig";
const _nM = "nonModels";
const _nT = "nextToken";
const _nV = "numValues";
const _nVe = "newValue";
const _o = "overrides";
const _oP = "outerPadding";
const _oT = "operandType";
const _op = "operator";
const _ope = "operand";
const _or = "or";
const _ori = "orientation";
const _p = "properties";
const _pK = "primaryKeys";
const _pa = "parameters";
const _pl = "placeholder";
const _po = "position";
const _pr = "predicates";
const _pre = "predicate";
const _pro = "property";
const _prov = "provider";
const _qFP = "queriesFilePath";
const _r = "reason";
const _rA = "resourceArn";
const _rC = "renderConfig";
const _rJFN = "relatedJoinFieldName";
const _rJTN = "relatedJoinTableName";
const _rMF = "relatedModelFields";
const _rMN = "relatedModelName";
const _rO = "readOnly";
const _rOi = "rightOf";
const _rT = "refreshToken";
const _rTB = "refreshTokenBody";
const _rTD = "renderTypeDeclarations";
const _rU = "redirectUri";
const _re = "required";
const _rea = "react";
const _rel = "relationship";
const _req = "request";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.amplifyuibuilder";
const _sE = "sectionalElements";
const _sFP = "subscriptionsFilePath";
const _sI = "sourceId";
const _sM = "statusMessage";
const _sN = "slotName";
const _sT = "showThumbnails";
const _sV = "supportedVersion";
const _sVc = "schemaVersion";
const _sVt = "strValues";
const _sc = "script";
const _se = "server";
const _set = "set";
const _so = "sort";
const _st = "state";
const _sta = "status";
const _ste = "step";
const _sty = "style";
const _su = "submit";
const _t = "type";
const _tFP = "typesFilePath";
const _tK = "tagKeys";
const _tR = "tokenReference";
const _tTC = "themeToCreate";
const _ta = "target";
const _tag = "tags";
const _te = "text";
const _th = "then";
const _the = "theme";
const _to = "token";
const _u = "url";
const _uA = "userAttribute";
const _uC = "updatedComponent";
const _uF = "updatedForm";
const _uT = "updatedTheme";
const _v = "values";
const _vG = "verticalGap";
const _vM = "valueMappings";
const _vMa = "validationMessage";
const _vV = "variantValues";
const _va = "variants";
const _val = "value";
const _vali = "validations";
const n0 = "com.amazonaws.amplifyuibuilder";
const _s_registry = new TypeRegistry(_s);
var AmplifyUIBuilderServiceException$ = [-3, _s, "AmplifyUIBuilderServiceException", 0, [], []];
_s_registry.registerError(AmplifyUIBuilderServiceException$, AmplifyUIBuilderServiceException);
const n0_registry = new TypeRegistry(n0);
var InternalServerException$ = [-3, n0, _ISE,
    { [_e]: _se, [_hE]: 500 },
    [_m],
    [0]
];
n0_registry.registerError(InternalServerException$, InternalServerException);
var InvalidParameterException$ = [-3, n0, _IPE,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(InvalidParameterException$, InvalidParameterException);
var ResourceConflictException$ = [-3, n0, _RCE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(ResourceConflictException$, ResourceConflictException);
var ResourceNotFoundException$ = [-3, n0, _RNFE,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(ResourceNotFoundException$, ResourceNotFoundException);
var ServiceQuotaExceededException$ = [-3, n0, _SQEE,
    { [_e]: _c, [_hE]: 402 },
    [_m],
    [0]
];
n0_registry.registerError(ServiceQuotaExceededException$, ServiceQuotaExceededException);
var ThrottlingException$ = [-3, n0, _TE,
    { [_e]: _c, [_hE]: 429 },
    [_m],
    [0]
];
n0_registry.registerError(ThrottlingException$, ThrottlingException);
var UnauthorizedException$ = [-3, n0, _UE,
    { [_e]: _c, [_hE]: 401 },
    [_m],
    [0]
];
n0_registry.registerError(UnauthorizedException$, UnauthorizedException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var SensitiveString = [0, n0, _SS, 8, 0];
var ActionParameters$ = [3, n0, _AP,
    0,
    [_t, _u, _a, _ta, _g, _mo, _i, _f, _st],
    [() => ComponentProperty$, () => ComponentProperty$, () => ComponentProperty$, () => ComponentProperty$, () => ComponentProperty$, 0, () => ComponentProperty$, () => ComponentProperties, () => MutationActionSetStateParameter$]
];
var CodegenDependency$ = [3, n0, _CD,
    0,
    [_n, _sV, _iSV, _r],
    [0, 0, 2, 0]
];
var CodegenFeatureFlags$ = [3, n0, _CFF,
    0,
    [_iRS, _iNMS],
    [2, 2]
];
var CodegenGenericDataEnum$ = [3, n0, _CGDE,
    0,
    [_v],
    [64 | 0], 1
];
var CodegenGenericDataField$ = [3, n0, _CGDF,
    0,
    [_dT, _dTV, _re, _rO, _iA, _rel],
    [0, 0, 2, 2, 2, () => CodegenGenericDataRelationshipType$], 5
];
var CodegenGenericDataModel$ = [3, n0, _CGDM,
    0,
    [_f, _pK, _iJT],
    [() => CodegenGenericDataFields, 64 | 0, 2], 2
];
var CodegenGenericDataNonModel$ = [3, n0, _CGDNM,
    0,
    [_f],
    [() => CodegenGenericDataNonModelFields], 1
];
var CodegenGenericDataRelationshipType$ = [3, n0, _CGDRT,
    0,
    [_t, _rMN, _rMF, _cUAM, _rJFN, _rJTN, _bTFORM, _aF, _iHMI],
    [0, 0, 64 | 0, 2, 0, 0, 0, 64 | 0, 2], 2
];
var CodegenJob$ = [3, n0, _CJ,
    0,
    [_i, _aI, _eN, _rC, _gDS, _aGF, _fe, _sta, _sM, _as, _tag, _cA, _mA, _d],
    [0, 0, 0, () => CodegenJobRenderConfig$, () => CodegenJobGenericDataSchema$, 2, () => CodegenFeatureFlags$, 0, 0, () => CodegenJobAsset$, 128 | 0, 5, 5, () => CodegenDependencies], 3
];
var CodegenJobAsset$ = [3, n0, _CJA,
    0,
    [_dU],
    [0]
];
var CodegenJobGenericDataSchema$ = [3, n0, _CJGDS,
    0,
    [_dST, _mod, _en, _nM],
    [0, () => CodegenGenericDataModels, () => CodegenGenericDataEnums, () => CodegenGenericDataNonModels], 4
];
var CodegenJobSummary$ = [3, n0, _CJS,
    0,
    [_aI, _eN, _i, _cA, _mA],
    [0, 0, 0, 5, 5], 3
];
var Component$ = [3, n0, _C,
    0,
    [_aI, _eN, _i, _n, _cT, _p, _va, _o, _bP, _cA, _sI, _ch, _cP, _mA, _tag, _ev, _sVc],
    [0, 0, 0, 0, 0, () => ComponentProperties, () => ComponentVariants, [2, n0, _CO, 0, 0, 128 | 0], () => ComponentBindingProperties, 5, 0, () => ComponentChildList, () => ComponentCollectionProperties, 5, 128 | 0, () => ComponentEvents, 0], 10
];
var ComponentBindingPropertiesValue$ = [3, n0, _CBPV,
    0,
    [_t, _bP, _dV],
    [0, () => ComponentBindingPropertiesValueProperties$, 0]
];
var ComponentBindingPropertiesValueProperties$ = [3, n0, _CBPVP,
    0,
    [_mo, _fi, _pr, _uA, _b, _k, _dV, _sN],
    [0, 0, () => PredicateList, 0, 0, 0, 0, 0]
];
var ComponentChild$ = [3, n0, _CC,
    0,
    [_cT, _n, _p, _ch, _ev, _sI],
    [0, 0, () => ComponentProperties, () => ComponentChildList, () => ComponentEvents, 0], 3
];
var ComponentConditionProperty$ = [3, n0, _CCP,
    0,
    [_pro, _fi, _op, _ope, _th, _el, _oT],
    [0, 0, 0, 0, () => ComponentProperty$, () => ComponentProperty$, 0]
];
var ComponentDataConfiguration$ = [3, n0, _CDC,
    0,
    [_mo, _so, _pre, _id],
    [0, () => SortPropertyList, () => Predicate$, 64 | 0], 1
];
var ComponentEvent$ = [3, n0, _CE,
    0,
    [_ac, _pa, _bE],
    [0, () => ActionParameters$, 0]
];
var ComponentProperty$ = [3, n0, _CP,
    0,
    [_val, _bP, _cBP, _dV, _mo, _bi, _eve, _uA, _co, _con, _conf, _t, _iV, _cN, _pro],
    [0, () => ComponentPropertyBindingProperties$, () => ComponentPropertyBindingProperties$, 0, 0, () => FormBindings, 0, 0, () => ComponentPropertyList, () => ComponentConditionProperty$, 2, 0, 0, 0, 0]
];
var ComponentPropertyBindingProperties$ = [3, n0, _CPBP,
    0,
    [_pro, _fi],
    [0, 0], 1
];
var ComponentSummary$ = [3, n0, _CS,
    0,
    [_aI, _eN, _i, _n, _cT],
    [0, 0, 0, 0, 0], 5
];
var ComponentVariant$ = [3, n0, _CV,
    0,
    [_vV, _o],
    [128 | 0, [2, n0, _CO, 0, 0, 128 | 0]]
];
var CreateComponentData$ = [3, n0, _CCD,
    0,
    [_n, _cT, _p, _va, _o, _bP, _sI, _ch, _cP, _tag, _ev, _sVc],
    [0, 0, () => ComponentProperties, () => ComponentVariants, [2, n0, _CO, 0, 0, 128 | 0], () => ComponentBindingProperties, 0, () => ComponentChildList, () => ComponentCollectionProperties, 128 | 0, () => ComponentEvents, 0], 6
];
var CreateComponentRequest$ = [3, n0, _CCR,
    0,
    [_aI, _eN, _cTC, _cTl],
    [[0, 1], [0, 1], [() => CreateComponentData$, 16], [0, { [_hQ]: _cTl, [_iT]: 1 }]], 3
];
var CreateComponentResponse$ = [3, n0, _CCRr,
    0,
    [_ent],
    [[() => Component$, 16]]
];
var CreateFormData$ = [3, n0, _CFD,
    0,
    [_n, _dT, _fAT, _f, _sty, _sE, _sVc, _ct, _tag, _lD],
    [0, () => FormDataTypeConfig$, 0, () => FieldsMap, () => FormStyle$, () => SectionalElementMap, 0, () => FormCTA$, 128 | 0, 0], 7
];
var CreateFormRequest$ = [3, n0, _CFR,
    0,
    [_aI, _eN, _fTC, _cTl],
    [[0, 1], [0, 1], [() => CreateFormData$, 16], [0, { [_hQ]: _cTl, [_iT]: 1 }]], 3
];
var CreateFormResponse$ = [3, n0, _CFRr,
    0,
    [_ent],
    [[() => Form$, 16]]
];
var CreateThemeData$ = [3, n0, _CTD,
    0,
    [_n, _v, _o, _tag],
    [0, () => ThemeValuesList, () => ThemeValuesList, 128 | 0], 2
];
var CreateThemeRequest$ = [3, n0, _CTR,
    0,
    [_aI, _eN, _tTC, _cTl],
    [[0, 1], [0, 1], [() => CreateThemeData$, 16], [0, { [_hQ]: _cTl, [_iT]: 1 }]], 3
];
var CreateThemeResponse$ = [3, n0, _CTRr,
    0,
    [_ent],
    [[() => Theme$, 16]]
];
var DataStoreRenderConfig$ = [3, n0, _DSRC,
    0,
    [],
    []
];
var DeleteComponentRequest$ = [3, n0, _DCR,
    0,
    [_aI, _eN, _i],
    [[0, 1], [0, 1], [0, 1]], 3
];
var DeleteFormRequest$ = [3, n0, _DFR,
    0,
    [_aI, _eN, _i],
    [[0, 1], [0, 1], [0, 1]], 3
];
var DeleteThemeRequest$ = [3, n0, _DTR,
    0,
    [_aI, _eN, _i],
    [[0, 1], [0, 1], [0, 1]], 3
];
var ExchangeCodeForTokenRequest$ = [3, n0, _ECFTR,
    0,
    [_prov, _req],
    [[0, 1], [() => ExchangeCodeForTokenRequestBody$, 16]], 2
];
var ExchangeCodeForTokenRequestBody$ = [3, n0, _ECFTRB,
    0,
    [_cod, _rU, _cI],
    [[() => SensitiveString, 0], 0, [() => SensitiveString, 0]], 2
];
var ExchangeCodeForTokenResponse$ = [3, n0, _ECFTRx,
    0,
    [_aT, _eI, _rT],
    [[() => SensitiveString, 0], 1, [() => SensitiveString, 0]], 3
];
var ExportComponentsRequest$ = [3, n0, _ECR,
    0,
    [_aI, _eN, _nT],
    [[0, 1], [0, 1], [0, { [_hQ]: _nT }]], 2
];
var ExportComponentsResponse$ = [3, n0, _ECRx,
    0,
    [_enti, _nT],
    [() => ComponentList, 0], 1
];
var ExportFormsRequest$ = [3, n0, _EFR,
    0,
    [_aI, _eN, _nT],
    [[0, 1], [0, 1], [0, { [_hQ]: _nT }]], 2
];
var ExportFormsResponse$ = [3, n0, _EFRx,
    0,
    [_enti, _nT],
    [() => FormList, 0], 1
];
var ExportThemesRequest$ = [3, n0, _ETR,
    0,
    [_aI, _eN, _nT],
    [[0, 1], [0, 1], [0, { [_hQ]: _nT }]], 2
];
var ExportThemesResponse$ = [3, n0, _ETRx,
    0,
    [_enti, _nT],
    [() => ThemeList, 0], 1
];
var FieldConfig$ = [3, n0, _FC,
    0,
    [_l, _po, _ex, _iTn, _vali],
    [0, () => FieldPosition$, 2, () => FieldInputConfig$, () => ValidationsList]
];
var FieldInputConfig$ = [3, n0, _FIC,
    0,
    [_t, _re, _rO, _pl, _dV, _dTe, _dC, _dCC, _vM, _n, _mV, _mVa, _ste, _val, _iA, _fUC],
    [0, 2, 2, 0, 0, 0, 2, 0, () => ValueMappings$, 0, 1, 1, 1, 0, 2, () => FileUploaderFieldConfig$], 1
];
var FieldValidationConfiguration$ = [3, n0, _FVC,
    0,
    [_t, _sVt, _nV, _vMa],
    [0, 64 | 0, 64 | 1, 0], 1
];
var FileUploaderFieldConfig$ = [3, n0, _FUFC,
    0,
    [_aL, _aFT, _sT, _iR, _mFC, _mS],
    [0, 64 | 0, 2, 2, 1, 1], 2
];
var Form$ = [3, n0, _F,
    0,
    [_aI, _eN, _i, _n, _fAT, _sty, _dT, _f, _sE, _sVc, _tag, _ct, _lD],
    [0, 0, 0, 0, 0, () => FormStyle$, () => FormDataTypeConfig$, () => FieldsMap, () => SectionalElementMap, 0, 128 | 0, () => FormCTA$, 0], 10
];
var FormBindingElement$ = [3, n0, _FBE,
    0,
    [_ele, _pro],
    [0, 0], 2
];
var FormButton$ = [3, n0, _FB,
    0,
    [_ex, _ch, _po],
    [2, 0, () => FieldPosition$]
];
var FormCTA$ = [3, n0, _FCTA,
    0,
    [_po, _cl, _ca, _su],
    [0, () => FormButton$, () => FormButton$, () => FormButton$]
];
var FormDataTypeConfig$ = [3, n0, _FDTC,
    0,
    [_dST, _dTN],
    [0, 0], 2
];
var FormInputBindingPropertiesValue$ = [3, n0, _FIBPV,
    0,
    [_t, _bP],
    [0, () => FormInputBindingPropertiesValueProperties$]
];
var FormInputBindingPropertiesValueProperties$ = [3, n0, _FIBPVP,
    0,
    [_mo],
    [0]
];
var FormInputValueProperty$ = [3, n0, _FIVP,
    0,
    [_val, _bP, _co],
    [0, () => FormInputValuePropertyBindingProperties$, () => FormInputValuePropertyList]
];
var FormInputValuePropertyBindingProperties$ = [3, n0, _FIVPBP,
    0,
    [_pro, _fi],
    [0, 0], 1
];
var FormStyle$ = [3, n0, _FS,
    0,
    [_hG, _vG, _oP],
    [() => FormStyleConfig$, () => FormStyleConfig$, () => FormStyleConfig$]
];
var FormSummary$ = [3, n0, _FSo,
    0,
    [_aI, _dT, _eN, _fAT, _i, _n],
    [0, () => FormDataTypeConfig$, 0, 0, 0, 0], 6
];
var GetCodegenJobRequest$ = [3, n0, _GCJR,
    0,
    [_aI, _eN, _i],
    [[0, 1], [0, 1], [0, 1]], 3
];
var GetCodegenJobResponse$ = [3, n0, _GCJRe,
    0,
    [_j],
    [[() => CodegenJob$, 16]]
];
var GetComponentRequest$ = [3, n0, _GCR,
    0,
    [_aI, _eN, _i],
    [[0, 1], [0, 1], [0, 1]], 3
];
var GetComponentResponse$ = [3, n0, _GCRe,
    0,
    [_com],
    [[() => Component$, 16]]
];
var GetFormRequest$ = [3, n0, _GFR,
    0,
    [_aI, _eN, _i],
    [[0, 1], [0, 1], [0, 1]], 3
];
var GetFormResponse$ = [3, n0, _GFRe,
    0,
    [_fo],
    [[() => Form$, 16]]
];
var GetMetadataRequest$ = [3, n0, _GMR,
    0,
    [_aI, _eN],
    [[0, 1], [0, 1]], 2
];
var GetMetadataResponse$ = [3, n0, _GMRe,
    0,
    [_fe],
    [128 | 0], 1
];
var GetThemeRequest$ = [3, n0, _GTR,
    0,
    [_aI, _eN, _i],
    [[0, 1], [0, 1], [0, 1]], 3
];
var GetThemeResponse$ = [3, n0, _GTRe,
    0,
    [_the],
    [[() => Theme$, 16]]
];
var GraphQLRenderConfig$ = [3, n0, _GQLRC,
    0,
    [_tFP, _qFP, _mFP, _sFP, _fFP],
    [0, 0, 0, 0, 0], 5
];
var ListCodegenJobsRequest$ = [3, n0, _LCJR,
    0,
    [_aI, _eN, _nT, _mR],
    [[0, 1], [0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _mR }]], 2
];
var ListCodegenJobsResponse$ = [3, n0, _LCJRi,
    0,
    [_enti, _nT],
    [() => CodegenJobSummaryList, 0], 1
];
var ListComponentsRequest$ = [3, n0, _LCR,
    0,
    [_aI, _eN, _nT, _mR],
    [[0, 1], [0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _mR }]], 2
];
var ListComponentsResponse$ = [3, n0, _LCRi,
    0,
    [_enti, _nT],
    [() => ComponentSummaryList, 0], 1
];
var ListFormsRequest$ = [3, n0, _LFR,
    0,
    [_aI, _eN, _nT, _mR],
    [[0, 1], [0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _mR }]], 2
];
var ListFormsResponse$ = [3, n0, _LFRi,
    0,
    [_enti, _nT],
    [() => FormSummaryList, 0], 1
];
var ListTagsForResourceRequest$ = [3, n0, _LTFRR,
    0,
    [_rA],
    [[0, 1]], 1
];
var ListTagsForResourceResponse$ = [3, n0, _LTFRRi,
    0,
    [_tag],
    [128 | 0], 1
];
var ListThemesRequest$ = [3, n0, _LTR,
    0,
    [_aI, _eN, _nT, _mR],
    [[0, 1], [0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _mR }]], 2
];
var ListThemesResponse$ = [3, n0, _LTRi,
    0,
    [_enti, _nT],
    [() => ThemeSummaryList, 0], 1
];
var MutationActionSetStateParameter$ = [3, n0, _MASSP,
    0,
    [_cN, _pro, _set],
    [0, 0, () => ComponentProperty$], 3
];
var NoApiRenderConfig$ = [3, n0, _NARC,
    0,
    [],
    []
];
var Predicate$ = [3, n0, _P,
    0,
    [_or, _an, _fi, _op, _ope, _oT],
    [() => PredicateList, () => PredicateList, 0, 0, 0, 0]
];
var PutMetadataFlagBody$ = [3, n0, _PMFB,
    0,
    [_nVe],
    [0], 1
];
var PutMetadataFlagRequest$ = [3, n0, _PMFR,
    0,
    [_aI, _eN, _fN, _bo],
    [[0, 1], [0, 1], [0, 1], [() => PutMetadataFlagBody$, 16]], 4
];
var ReactStartCodegenJobData$ = [3, n0, _RSCJD,
    0,
    [_modu, _ta, _sc, _rTD, _iSM, _aC, _d],
    [0, 0, 0, 2, 2, () => ApiConfiguration$, 128 | 0]
];
var RefreshTokenRequest$ = [3, n0, _RTR,
    0,
    [_prov, _rTB],
    [[0, 1], [() => RefreshTokenRequestBody$, 16]], 2
];
var RefreshTokenRequestBody$ = [3, n0, _RTRB,
    0,
    [_to, _cI],
    [[() => SensitiveString, 0], [() => SensitiveString, 0]], 1
];
var RefreshTokenResponse$ = [3, n0, _RTRe,
    0,
    [_aT, _eI],
    [[() => SensitiveString, 0], 1], 2
];
var SectionalElement$ = [3, n0, _SE,
    0,
    [_t, _po, _te, _le, _ori, _ex],
    [0, () => FieldPosition$, 0, 1, 0, 2], 1
];
var SortProperty$ = [3, n0, _SP,
    0,
    [_fi, _di],
    [0, 0], 2
];
var StartCodegenJobData$ = [3, n0, _SCJD,
    0,
    [_rC, _gDS, _aGF, _fe, _tag],
    [() => CodegenJobRenderConfig$, () => CodegenJobGenericDataSchema$, 2, () => CodegenFeatureFlags$, 128 | 0], 1
];
var StartCodegenJobRequest$ = [3, n0, _SCJR,
    0,
    [_aI, _eN, _cJTC, _cTl],
    [[0, 1], [0, 1], [() => StartCodegenJobData$, 16], [0, { [_hQ]: _cTl, [_iT]: 1 }]], 3
];
var StartCodegenJobResponse$ = [3, n0, _SCJRt,
    0,
    [_ent],
    [[() => CodegenJob$, 16]]
];
var TagResourceRequest$ = [3, n0, _TRR,
    0,
    [_rA, _tag],
    [[0, 1], 128 | 0], 2
];
var TagResourceResponse$ = [3, n0, _TRRa,
    0,
    [],
    []
];
var Theme$ = [3, n0, _T,
    0,
    [_aI, _eN, _i, _n, _cA, _v, _mA, _o, _tag],
    [0, 0, 0, 0, 5, () => ThemeValuesList, 5, () => ThemeValuesList, 128 | 0], 6
];
var ThemeSummary$ = [3, n0, _TS,
    0,
    [_aI, _eN, _i, _n],
    [0, 0, 0, 0], 4
];
var ThemeValue$ = [3, n0, _TV,
    0,
    [_val, _ch],
    [0, () => ThemeValuesList]
];
var ThemeValues$ = [3, n0, _TVh,
    0,
    [_k, _val],
    [0, () => ThemeValue$]
];
var UntagResourceRequest$ = [3, n0, _URR,
    0,
    [_rA, _tK],
    [[0, 1], [64 | 0, { [_hQ]: _tK }]], 2
];
var UntagResourceResponse$ = [3, n0, _URRn,
    0,
    [],
    []
];
var UpdateComponentData$ = [3, n0, _UCD,
    0,
    [_i, _n, _sI, _cT, _p, _ch, _va, _o, _bP, _cP, _ev, _sVc],
    [0, 0, 0, 0, () => ComponentProperties, () => ComponentChildList, () => ComponentVariants, [2, n0, _CO, 0, 0, 128 | 0], () => ComponentBindingProperties, () => ComponentCollectionProperties, () => ComponentEvents, 0]
];
var UpdateComponentRequest$ = [3, n0, _UCR,
    0,
    [_aI, _eN, _i, _uC, _cTl],
    [[0, 1], [0, 1], [0, 1], [() => UpdateComponentData$, 16], [0, { [_hQ]: _cTl, [_iT]: 1 }]], 4
];
var UpdateComponentResponse$ = [3, n0, _UCRp,
    0,
    [_ent],
    [[() => Component$, 16]]
];
var UpdateFormData$ = [3, n0, _UFD,
    0,
    [_n, _dT, _fAT, _f, _sty, _sE, _sVc, _ct, _lD],
    [0, () => FormDataTypeConfig$, 0, () => FieldsMap, () => FormStyle$, () => SectionalElementMap, 0, () => FormCTA$, 0]
];
var UpdateFormRequest$ = [3, n0, _UFR,
    0,
    [_aI, _eN, _i, _uF, _cTl],
    [[0, 1], [0, 1], [0, 1], [() => UpdateFormData$, 16], [0, { [_hQ]: _cTl, [_iT]: 1 }]], 4
];
var UpdateFormResponse$ = [3, n0, _UFRp,
    0,
    [_ent],
    [[() => Form$, 16]]
];
var UpdateThemeData$ = [3, n0, _UTD,
    0,
    [_v, _i, _n, _o],
    [() => ThemeValuesList, 0, 0, () => ThemeValuesList], 1
];
var UpdateThemeRequest$ = [3, n0, _UTR,
    0,
    [_aI, _eN, _i, _uT, _cTl],
    [[0, 1], [0, 1], [0, 1], [() => UpdateThemeData$, 16], [0, { [_hQ]: _cTl, [_iT]: 1 }]], 4
];
var UpdateThemeResponse$ = [3, n0, _UTRp,
    0,
    [_ent],
    [[() => Theme$, 16]]
];
var ValueMapping$ = [3, n0, _VM,
    0,
    [_val, _dVi],
    [() => FormInputValueProperty$, () => FormInputValueProperty$], 1
];
var ValueMappings$ = [3, n0, _VMa,
    0,
    [_v, _bP],
    [() => ValueMappingList, () => FormInputBindingProperties], 1
];
var __Unit = "unit";
var CodegenDependencies = [1, n0, _CDo,
    0, () => CodegenDependency$
];
var CodegenJobSummaryList = [1, n0, _CJSL,
    0, () => CodegenJobSummary$
];
var ComponentChildList = [1, n0, _CCL,
    0, () => ComponentChild$
];
var ComponentList = [1, n0, _CL,
    0, () => Component$
];
var ComponentPropertyList = [1, n0, _CPL,
    0, () => ComponentProperty$
];
var ComponentSummaryList = [1, n0, _CSL,
    0, () => ComponentSummary$
];
var ComponentVariants = [1, n0, _CVo,
    0, () => ComponentVariant$
];
var FormInputValuePropertyList = [1, n0, _FIVPL,
    0, () => FormInputValueProperty$
];
var FormList = [1, n0, _FL,
    0, () => Form$
];
var FormSummaryList = [1, n0, _FSL,
    0, () => FormSummary$
];
var PredicateList = [1, n0, _PL,
    0, () => Predicate$
];
var SortPropertyList = [1, n0, _SPL,
    0, () => SortProperty$
];
var ThemeList = [1, n0, _TL,
    0, () => Theme$
];
var ThemeSummaryList = [1, n0, _TSL,
    0, () => ThemeSummary$
];
var ThemeValuesList = [1, n0, _TVL,
    0, () => ThemeValues$
];
var ValidationsList = [1, n0, _VL,
    0, () => FieldValidationConfiguration$
];
var ValueMappingList = [1, n0, _VML,
    0, () => ValueMapping$
];
var CodegenGenericDataEnums = [2, n0, _CGDEo,
    0, 0, () => CodegenGenericDataEnum$
];
var CodegenGenericDataFields = [2, n0, _CGDFo,
    0, 0, () => CodegenGenericDataField$
];
var CodegenGenericDataModels = [2, n0, _CGDMo,
    0, 0, () => CodegenGenericDataModel$
];
var CodegenGenericDataNonModelFields = [2, n0, _CGDNMF,
    0, 0, () => CodegenGenericDataField$
];
var CodegenGenericDataNonModels = [2, n0, _CGDNMo,
    0, 0, () => CodegenGenericDataNonModel$
];
var ComponentBindingProperties = [2, n0, _CBP,
    0, 0, () => ComponentBindingPropertiesValue$
];
var ComponentCollectionProperties = [2, n0, _CCPo,
    0, 0, () => ComponentDataConfiguration$
];
var ComponentEvents = [2, n0, _CEo,
    0, 0, () => ComponentEvent$
];
var ComponentProperties = [2, n0, _CPo,
    0, 0, () => ComponentProperty$
];
var FieldsMap = [2, n0, _FM,
    0, 0, () => FieldConfig$
];
var FormBindings = [2, n0, _FBo,
    0, 0, () => FormBindingElement$
];
var FormInputBindingProperties = [2, n0, _FIBP,
    0, 0, () => FormInputBindingPropertiesValue$
];
var SectionalElementMap = [2, n0, _SEM,
    0, 0, () => SectionalElement$
];
var ApiConfiguration$ = [4, n0, _AC,
    0,
    [_gQLC, _dSC, _nAC],
    [() => GraphQLRenderConfig$, () => DataStoreRenderConfig$, () => NoApiRenderConfig$]
];
var CodegenJobRenderConfig$ = [4, n0, _CJRC,
    0,
    [_rea],
    [() => ReactStartCodegenJobData$]
];
var FieldPosition$ = [4, n0, _FP,
    0,
    [_fix, _rOi, _be],
    [0, 0, 0]
];
var FormStyleConfig$ = [4, n0, _FSC,
    0,
    [_tR, _val],
    [0, 0]
];
var CreateComponent$ = [9, n0, _CCr,
    { [_h]: ["POST", "/app/{appId}/environment/{environmentName}/components", 200] }, () => CreateComponentRequest$, () => CreateComponentResponse$
];
var CreateForm$ = [9, n0, _CF,
    { [_h]: ["POST", "/app/{appId}/environment/{environmentName}/forms", 200] }, () => CreateFormRequest$, () => CreateFormResponse$
];
var CreateTheme$ = [9, n0, _CT,
    { [_h]: ["POST", "/app/{appId}/environment/{environmentName}/themes", 200] }, () => CreateThemeRequest$, () => CreateThemeResponse$
];
var DeleteComponent$ = [9, n0, _DC,
    { [_h]: ["DELETE", "/app/{appId}/environment/{environmentName}/components/{id}", 200] }, () => DeleteComponentRequest$, () => __Unit
];
var DeleteForm$ = [9, n0, _DF,
    { [_h]: ["DELETE", "/app/{appId}/environment/{environmentName}/forms/{id}", 200] }, () => DeleteFormRequest$, () => __Unit
];
var DeleteTheme$ = [9, n0, _DT,
    { [_h]: ["DELETE", "/app/{appId}/environment/{environmentName}/themes/{id}", 200] }, () => DeleteThemeRequest$, () => __Unit
];
var ExchangeCodeForToken$ = [9, n0, _ECFT,
    { [_h]: ["POST", "/tokens/{provider}", 200] }, () => ExchangeCodeForTokenRequest$, () => ExchangeCodeForTokenResponse$
];
var ExportComponents$ = [9, n0, _EC,
    { [_h]: ["GET", "/export/app/{appId}/environment/{environmentName}/components", 200] }, () => ExportComponentsRequest$, () => ExportComponentsResponse$
];
var ExportForms$ = [9, n0, _EF,
    { [_h]: ["GET", "/export/app/{appId}/environment/{environmentName}/forms", 200] }, () => ExportFormsRequest$, () => ExportFormsResponse$
];
var ExportThemes$ = [9, n0, _ET,
    { [_h]: ["GET", "/export/app/{appId}/environment/{environmentName}/themes", 200] }, () => ExportThemesRequest$, () => ExportThemesResponse$
];
var GetCodegenJob$ = [9, n0, _GCJ,
    { [_h]: ["GET", "/app/{appId}/environment/{environmentName}/codegen-jobs/{id}", 200] }, () => GetCodegenJobRequest$, () => GetCodegenJobResponse$
];
var GetComponent$ = [9, n0, _GC,
    { [_h]: ["GET", "/app/{appId}/environment/{environmentName}/components/{id}", 200] }, () => GetComponentRequest$, () => GetComponentResponse$
];
var GetForm$ = [9, n0, _GF,
    { [_h]: ["GET", "/app/{appId}/environment/{environmentName}/forms/{id}", 200] }, () => GetFormRequest$, () => GetFormResponse$
];
var GetMetadata$ = [9, n0, _GM,
    { [_h]: ["GET", "/app/{appId}/environment/{environmentName}/metadata", 200] }, () => GetMetadataRequest$, () => GetMetadataResponse$
];
var GetTheme$ = [9, n0, _GT,
    { [_h]: ["GET", "/app/{appId}/environment/{environmentName}/themes/{id}", 200] }, () => GetThemeRequest$, () => GetThemeResponse$
];
var ListCodegenJobs$ = [9, n0, _LCJ,
    { [_h]: ["GET", "/app/{appId}/environment/{environmentName}/codegen-jobs", 200] }, () => ListCodegenJobsRequest$, () => ListCodegenJobsResponse$
];
var ListComponents$ = [9, n0, _LC,
    { [_h]: ["GET", "/app/{appId}/environment/{environmentName}/components", 200] }, () => ListComponentsRequest$, () => ListComponentsResponse$
];
var ListForms$ = [9, n0, _LF,
    { [_h]: ["GET", "/app/{appId}/environment/{environmentName}/forms", 200] }, () => ListFormsRequest$, () => ListFormsResponse$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    { [_h]: ["GET", "/tags/{resourceArn}", 200] }, () => ListTagsForResourceRequest$, () => ListTagsForResourceResponse$
];
var ListThemes$ = [9, n0, _LT,
    { [_h]: ["GET", "/app/{appId}/environment/{environmentName}/themes", 200] }, () => ListThemesRequest$, () => ListThemesResponse$
];
var PutMetadataFlag$ = [9, n0, _PMF,
    { [_h]: ["PUT", "/app/{appId}/environment/{environmentName}/metadata/features/{featureName}", 200] }, () => PutMetadataFlagRequest$, () => __Unit
];
var RefreshToken$ = [9, n0, _RT,
    { [_h]: ["POST", "/tokens/{provider}/refresh", 200] }, () => RefreshTokenRequest$, () => RefreshTokenResponse$
];
var StartCodegenJob$ = [9, n0, _SCJ,
    { [_h]: ["POST", "/app/{appId}/environment/{environmentName}/codegen-jobs", 200] }, () => StartCodegenJobRequest$, () => StartCodegenJobResponse$
];
var TagResource$ = [9, n0, _TR,
    { [_h]: ["POST", "/tags/{resourceArn}", 200] }, () => TagResourceRequest$, () => TagResourceResponse$
];
var UntagResource$ = [9, n0, _UR,
    { [_h]: ["DELETE", "/tags/{resourceArn}", 200] }, () => UntagResourceRequest$, () => UntagResourceResponse$
];
var UpdateComponent$ = [9, n0, _UC,
    { [_h]: ["PATCH", "/app/{appId}/environment/{environmentName}/components/{id}", 200] }, () => UpdateComponentRequest$, () => UpdateComponentResponse$
];
var UpdateForm$ = [9, n0, _UF,
    { [_h]: ["PATCH", "/app/{appId}/environment/{environmentName}/forms/{id}", 200] }, () => UpdateFormRequest$, () => UpdateFormResponse$
];
var UpdateTheme$ = [9, n0, _UT,
    { [_h]: ["PATCH", "/app/{appId}/environment/{environmentName}/themes/{id}", 200] }, () => UpdateThemeRequest$, () => UpdateThemeResponse$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2021-08-11",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultAmplifyUIBuilderHttpAuthSchemeProvider,
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
            defaultNamespace: "com.amazonaws.amplifyuibuilder",
            errorTypeRegistries,
            version: "2021-08-11",
            serviceTarget: "AmplifyUIBuilder",
        },
        serviceId: config?.serviceId ?? "AmplifyUIBuilder",
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

class AmplifyUIBuilderClient extends Client {
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
            httpAuthSchemeParametersProvider: defaultAmplifyUIBuilderHttpAuthSchemeParametersProvider,
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

const command = makeBuilder(commonParams, "AmplifyUIBuilder", "AmplifyUIBuilderClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class CreateComponentCommand extends command(_ep0, _mw0, "CreateComponent", CreateComponent$) {
}

class CreateFormCommand extends command(_ep0, _mw0, "CreateForm", CreateForm$) {
}

class CreateThemeCommand extends command(_ep0, _mw0, "CreateTheme", CreateTheme$) {
}

class DeleteComponentCommand extends command(_ep0, _mw0, "DeleteComponent", DeleteComponent$) {
}

class DeleteFormCommand extends command(_ep0, _mw0, "DeleteForm", DeleteForm$) {
}

class DeleteThemeCommand extends command(_ep0, _mw0, "DeleteTheme", DeleteTheme$) {
}

class ExchangeCodeForTokenCommand extends command(_ep0, _mw0, "ExchangeCodeForToken", ExchangeCodeForToken$) {
}

class ExportComponentsCommand extends command(_ep0, _mw0, "ExportComponents", ExportComponents$) {
}

class ExportFormsCommand extends command(_ep0, _mw0, "ExportForms", ExportForms$) {
}

class ExportThemesCommand extends command(_ep0, _mw0, "ExportThemes", ExportThemes$) {
}

class GetCodegenJobCommand extends command(_ep0, _mw0, "GetCodegenJob", GetCodegenJob$) {
}

class GetComponentCommand extends command(_ep0, _mw0, "GetComponent", GetComponent$) {
}

class GetFormCommand extends command(_ep0, _mw0, "GetForm", GetForm$) {
}

class GetMetadataCommand extends command(_ep0, _mw0, "GetMetadata", GetMetadata$) {
}

class GetThemeCommand extends command(_ep0, _mw0, "GetTheme", GetTheme$) {
}

class ListCodegenJobsCommand extends command(_ep0, _mw0, "ListCodegenJobs", ListCodegenJobs$) {
}

class ListComponentsCommand extends command(_ep0, _mw0, "ListComponents", ListComponents$) {
}

class ListFormsCommand extends command(_ep0, _mw0, "ListForms", ListForms$) {
}

class ListTagsForResourceCommand extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
}

class ListThemesCommand extends command(_ep0, _mw0, "ListThemes", ListThemes$) {
}

class PutMetadataFlagCommand extends command(_ep0, _mw0, "PutMetadataFlag", PutMetadataFlag$) {
}

class RefreshTokenCommand extends command(_ep0, _mw0, "RefreshToken", RefreshToken$) {
}

class StartCodegenJobCommand extends command(_ep0, _mw0, "StartCodegenJob", StartCodegenJob$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UpdateComponentCommand extends command(_ep0, _mw0, "UpdateComponent", UpdateComponent$) {
}

class UpdateFormCommand extends command(_ep0, _mw0, "UpdateForm", UpdateForm$) {
}

class UpdateThemeCommand extends command(_ep0, _mw0, "UpdateTheme", UpdateTheme$) {
}

const paginateExportComponents = createPaginator(AmplifyUIBuilderClient, ExportComponentsCommand, "nextToken", "nextToken", "");

const paginateExportForms = createPaginator(AmplifyUIBuilderClient, ExportFormsCommand, "nextToken", "nextToken", "");

const paginateExportThemes = createPaginator(AmplifyUIBuilderClient, ExportThemesCommand, "nextToken", "nextToken", "");

const paginateListCodegenJobs = createPaginator(AmplifyUIBuilderClient, ListCodegenJobsCommand, "nextToken", "nextToken", "maxResults");

const paginateListComponents = createPaginator(AmplifyUIBuilderClient, ListComponentsCommand, "nextToken", "nextToken", "maxResults");

const paginateListForms = createPaginator(AmplifyUIBuilderClient, ListFormsCommand, "nextToken", "nextToken", "maxResults");

const paginateListThemes = createPaginator(AmplifyUIBuilderClient, ListThemesCommand, "nextToken", "nextToken", "maxResults");

const commands = {
    CreateComponentCommand,
    CreateFormCommand,
    CreateThemeCommand,
    DeleteComponentCommand,
    DeleteFormCommand,
    DeleteThemeCommand,
    ExchangeCodeForTokenCommand,
    ExportComponentsCommand,
    ExportFormsCommand,
    ExportThemesCommand,
    GetCodegenJobCommand,
    GetComponentCommand,
    GetFormCommand,
    GetMetadataCommand,
    GetThemeCommand,
    ListCodegenJobsCommand,
    ListComponentsCommand,
    ListFormsCommand,
    ListTagsForResourceCommand,
    ListThemesCommand,
    PutMetadataFlagCommand,
    RefreshTokenCommand,
    StartCodegenJobCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateComponentCommand,
    UpdateFormCommand,
    UpdateThemeCommand,
};
const paginators = {
    paginateExportComponents,
    paginateExportForms,
    paginateExportThemes,
    paginateListCodegenJobs,
    paginateListComponents,
    paginateListForms,
    paginateListThemes,
};
class AmplifyUIBuilder extends AmplifyUIBuilderClient {
}
createAggregatedClient(commands, AmplifyUIBuilder, { paginators });

const CodegenJobGenericDataSourceType = {
    DATA_STORE: "DataStore",
};
const CodegenGenericDataFieldDataType = {
    AWS_DATE: "AWSDate",
    AWS_DATE_TIME: "AWSDateTime",
    AWS_EMAIL: "AWSEmail",
    AWS_IP_ADDRESS: "AWSIPAddress",
    AWS_JSON: "AWSJSON",
    AWS_PHONE: "AWSPhone",
    AWS_TIME: "AWSTime",
    AWS_TIMESTAMP: "AWSTimestamp",
    AWS_URL: "AWSURL",
    BOOLEAN: "Boolean",
    ENUM: "Enum",
    FLOAT: "Float",
    ID: "ID",
    INT: "Int",
    MODEL: "Model",
    NON_MODEL: "NonModel",
    STRING: "String",
};
const GenericDataRelationshipType = {
    BELONGS_TO: "BELONGS_TO",
    HAS_MANY: "HAS_MANY",
    HAS_ONE: "HAS_ONE",
};
const JSModule = {
    ES2020: "es2020",
    ESNEXT: "esnext",
};
const JSScript = {
    JS: "js",
    JSX: "jsx",
    TSX: "tsx",
};
const JSTarget = {
    ES2015: "es2015",
    ES2020: "es2020",
};
const CodegenJobStatus = {
    FAILED: "failed",
    IN_PROGRESS: "in_progress",
    SUCCEEDED: "succeeded",
};
const SortDirection = {
    ASC: "ASC",
    DESC: "DESC",
};
const TokenProviders = {
    FIGMA: "figma",
};
const FixedPosition = {
    FIRST: "first",
};
const FormButtonsPosition = {
    BOTTOM: "bottom",
    TOP: "top",
    TOP_AND_BOTTOM: "top_and_bottom",
};
const FormDataSourceType = {
    CUSTOM: "Custom",
    DATASTORE: "DataStore",
};
const StorageAccessLevel = {
    PRIVATE: "private",
    PROTECTED: "protected",
    PUBLIC: "public",
};
const FormActionType = {
    CREATE: "create",
    UPDATE: "update",
};
const LabelDecorator = {
    NONE: "none",
    OPTIONAL: "optional",
    REQUIRED: "required",
};

exports.ActionParameters$ = ActionParameters$;
exports.AmplifyUIBuilder = AmplifyUIBuilder;
exports.AmplifyUIBuilderClient = AmplifyUIBuilderClient;
exports.AmplifyUIBuilderServiceException = AmplifyUIBuilderServiceException;
exports.AmplifyUIBuilderServiceException$ = AmplifyUIBuilderServiceException$;
exports.ApiConfiguration$ = ApiConfiguration$;
exports.CodegenDependency$ = CodegenDependency$;
exports.CodegenFeatureFlags$ = CodegenFeatureFlags$;
exports.CodegenGenericDataEnum$ = CodegenGenericDataEnum$;
exports.CodegenGenericDataField$ = CodegenGenericDataField$;
exports.CodegenGenericDataFieldDataType = CodegenGenericDataFieldDataType;
exports.CodegenGenericDataModel$ = CodegenGenericDataModel$;
exports.CodegenGenericDataNonModel$ = CodegenGenericDataNonModel$;
exports.CodegenGenericDataRelationshipType$ = CodegenGenericDataRelationshipType$;
exports.CodegenJob$ = CodegenJob$;
exports.CodegenJobAsset$ = CodegenJobAsset$;
exports.CodegenJobGenericDataSchema$ = CodegenJobGenericDataSchema$;
exports.CodegenJobGenericDataSourceType = CodegenJobGenericDataSourceType;
exports.CodegenJobRenderConfig$ = CodegenJobRenderConfig$;
exports.CodegenJobStatus = CodegenJobStatus;
exports.CodegenJobSummary$ = CodegenJobSummary$;
exports.Component$ = Component$;
exports.ComponentBindingPropertiesValue$ = ComponentBindingPropertiesValue$;
exports.ComponentBindingPropertiesValueProperties$ = ComponentBindingPropertiesValueProperties$;
exports.ComponentChild$ = ComponentChild$;
exports.ComponentConditionProperty$ = ComponentConditionProperty$;
exports.ComponentDataConfiguration$ = ComponentDataConfiguration$;
exports.ComponentEvent$ = ComponentEvent$;
exports.ComponentProperty$ = ComponentProperty$;
exports.ComponentPropertyBindingProperties$ = ComponentPropertyBindingProperties$;
exports.ComponentSummary$ = ComponentSummary$;
exports.ComponentVariant$ = ComponentVariant$;
exports.CreateComponent$ = CreateComponent$;
exports.CreateComponentCommand = CreateComponentCommand;
exports.CreateComponentData$ = CreateComponentData$;
exports.CreateComponentRequest$ = CreateComponentRequest$;
exports.CreateComponentResponse$ = CreateComponentResponse$;
exports.CreateForm$ = CreateForm$;
exports.CreateFormCommand = CreateFormCommand;
exports.CreateFormData$ = CreateFormData$;
exports.CreateFormRequest$ = CreateFormRequest$;
exports.CreateFormResponse$ = CreateFormResponse$;
exports.CreateTheme$ = CreateTheme$;
exports.CreateThemeCommand = CreateThemeCommand;
exports.CreateThemeData$ = CreateThemeData$;
exports.CreateThemeRequest$ = CreateThemeRequest$;
exports.CreateThemeResponse$ = CreateThemeResponse$;
exports.DataStoreRenderConfig$ = DataStoreRenderConfig$;
exports.DeleteComponent$ = DeleteComponent$;
exports.DeleteComponentCommand = DeleteComponentCommand;
exports.DeleteComponentRequest$ = DeleteComponentRequest$;
exports.DeleteForm$ = DeleteForm$;
exports.DeleteFormCommand = DeleteFormCommand;
exports.DeleteFormRequest$ = DeleteFormRequest$;
exports.DeleteTheme$ = DeleteTheme$;
exports.DeleteThemeCommand = DeleteThemeCommand;
exports.DeleteThemeRequest$ = DeleteThemeRequest$;
exports.ExchangeCodeForToken$ = ExchangeCodeForToken$;
exports.ExchangeCodeForTokenCommand = ExchangeCodeForTokenCommand;
exports.ExchangeCodeForTokenRequest$ = ExchangeCodeForTokenRequest$;
exports.ExchangeCodeForTokenRequestBody$ = ExchangeCodeForTokenRequestBody$;
exports.ExchangeCodeForTokenResponse$ = ExchangeCodeForTokenResponse$;
exports.ExportComponents$ = ExportComponents$;
exports.ExportComponentsCommand = ExportComponentsCommand;
exports.ExportComponentsRequest$ = ExportComponentsRequest$;
exports.ExportComponentsResponse$ = ExportComponentsResponse$;
exports.ExportForms$ = ExportForms$;
exports.ExportFormsCommand = ExportFormsCommand;
exports.ExportFormsRequest$ = ExportFormsRequest$;
exports.ExportFormsResponse$ = ExportFormsResponse$;
exports.ExportThemes$ = ExportThemes$;
exports.ExportThemesCommand = ExportThemesCommand;
exports.ExportThemesRequest$ = ExportThemesRequest$;
exports.ExportThemesResponse$ = ExportThemesResponse$;
exports.FieldConfig$ = FieldConfig$;
exports.FieldInputConfig$ = FieldInputConfig$;
exports.FieldPosition$ = FieldPosition$;
exports.FieldValidationConfiguration$ = FieldValidationConfiguration$;
exports.FileUploaderFieldConfig$ = FileUploaderFieldConfig$;
exports.FixedPosition = FixedPosition;
exports.Form$ = Form$;
exports.FormActionType = FormActionType;
exports.FormBindingElement$ = FormBindingElement$;
exports.FormButton$ = FormButton$;
exports.FormButtonsPosition = FormButtonsPosition;
exports.FormCTA$ = FormCTA$;
exports.FormDataSourceType = FormDataSourceType;
exports.FormDataTypeConfig$ = FormDataTypeConfig$;
exports.FormInputBindingPropertiesValue$ = FormInputBindingPropertiesValue$;
exports.FormInputBindingPropertiesValueProperties$ = FormInputBindingPropertiesValueProperties$;
exports.FormInputValueProperty$ = FormInputValueProperty$;
exports.FormInputValuePropertyBindingProperties$ = FormInputValuePropertyBindingProperties$;
exports.FormStyle$ = FormStyle$;
exports.FormStyleConfig$ = FormStyleConfig$;
exports.FormSummary$ = FormSummary$;
exports.GenericDataRelationshipType = GenericDataRelationshipType;
exports.GetCodegenJob$ = GetCodegenJob$;
exports.GetCodegenJobCommand = GetCodegenJobCommand;
exports.GetCodegenJobRequest$ = GetCodegenJobRequest$;
exports.GetCodegenJobResponse$ = GetCodegenJobResponse$;
exports.GetComponent$ = GetComponent$;
exports.GetComponentCommand = GetComponentCommand;
exports.GetComponentRequest$ = GetComponentRequest$;
exports.GetComponentResponse$ = GetComponentResponse$;
exports.GetForm$ = GetForm$;
exports.GetFormCommand = GetFormCommand;
exports.GetFormRequest$ = GetFormRequest$;
exports.GetFormResponse$ = GetFormResponse$;
exports.GetMetadata$ = GetMetadata$;
exports.GetMetadataCommand = GetMetadataCommand;
exports.GetMetadataRequest$ = GetMetadataRequest$;
exports.GetMetadataResponse$ = GetMetadataResponse$;
exports.GetTheme$ = GetTheme$;
exports.GetThemeCommand = GetThemeCommand;
exports.GetThemeRequest$ = GetThemeRequest$;
exports.GetThemeResponse$ = GetThemeResponse$;
exports.GraphQLRenderConfig$ = GraphQLRenderConfig$;
exports.InternalServerException = InternalServerException;
exports.InternalServerException$ = InternalServerException$;
exports.InvalidParameterException = InvalidParameterException;
exports.InvalidParameterException$ = InvalidParameterException$;
exports.JSModule = JSModule;
exports.JSScript = JSScript;
exports.JSTarget = JSTarget;
exports.LabelDecorator = LabelDecorator;
exports.ListCodegenJobs$ = ListCodegenJobs$;
exports.ListCodegenJobsCommand = ListCodegenJobsCommand;
exports.ListCodegenJobsRequest$ = ListCodegenJobsRequest$;
exports.ListCodegenJobsResponse$ = ListCodegenJobsResponse$;
exports.ListComponents$ = ListComponents$;
exports.ListComponentsCommand = ListComponentsCommand;
exports.ListComponentsRequest$ = ListComponentsRequest$;
exports.ListComponentsResponse$ = ListComponentsResponse$;
exports.ListForms$ = ListForms$;
exports.ListFormsCommand = ListFormsCommand;
exports.ListFormsRequest$ = ListFormsRequest$;
exports.ListFormsResponse$ = ListFormsResponse$;
exports.ListTagsForResource$ = ListTagsForResource$;
exports.ListTagsForResourceCommand = ListTagsForResourceCommand;
exports.ListTagsForResourceRequest$ = ListTagsForResourceRequest$;
exports.ListTagsForResourceResponse$ = ListTagsForResourceResponse$;
exports.ListThemes$ = ListThemes$;
exports.ListThemesCommand = ListThemesCommand;
exports.ListThemesRequest$ = ListThemesRequest$;
exports.ListThemesResponse$ = ListThemesResponse$;
exports.MutationActionSetStateParameter$ = MutationActionSetStateParameter$;
exports.NoApiRenderConfig$ = NoApiRenderConfig$;
exports.Predicate$ = Predicate$;
exports.PutMetadataFlag$ = PutMetadataFlag$;
exports.PutMetadataFlagBody$ = PutMetadataFlagBody$;
exports.PutMetadataFlagCommand = PutMetadataFlagCommand;
exports.PutMetadataFlagRequest$ = PutMetadataFlagRequest$;
exports.ReactStartCodegenJobData$ = ReactStartCodegenJobData$;
exports.RefreshToken$ = RefreshToken$;
exports.RefreshTokenCommand = RefreshTokenCommand;
exports.RefreshTokenRequest$ = RefreshTokenRequest$;
exports.RefreshTokenRequestBody$ = RefreshTokenRequestBody$;
exports.RefreshTokenResponse$ = RefreshTokenResponse$;
exports.ResourceConflictException = ResourceConflictException;
exports.ResourceConflictException$ = ResourceConflictException$;
exports.ResourceNotFoundException = ResourceNotFoundException;
exports.ResourceNotFoundException$ = ResourceNotFoundException$;
exports.SectionalElement$ = SectionalElement$;
exports.ServiceQuotaExceededException = ServiceQuotaExceededException;
exports.ServiceQuotaExceededException$ = ServiceQuotaExceededException$;
exports.SortDirection = SortDirection;
exports.SortProperty$ = SortProperty$;
exports.StartCodegenJob$ = StartCodegenJob$;
exports.StartCodegenJobCommand = StartCodegenJobCommand;
exports.StartCodegenJobData$ = StartCodegenJobData$;
exports.StartCodegenJobRequest$ = StartCodegenJobRequest$;
exports.StartCodegenJobResponse$ = StartCodegenJobResponse$;
exports.StorageAccessLevel = StorageAccessLevel;
exports.TagResource$ = TagResource$;
exports.TagResourceCommand = TagResourceCommand;
exports.TagResourceRequest$ = TagResourceRequest$;
exports.TagResourceResponse$ = TagResourceResponse$;
exports.Theme$ = Theme$;
exports.ThemeSummary$ = ThemeSummary$;
exports.ThemeValue$ = ThemeValue$;
exports.ThemeValues$ = ThemeValues$;
exports.ThrottlingException = ThrottlingException;
exports.ThrottlingException$ = ThrottlingException$;
exports.TokenProviders = TokenProviders;
exports.UnauthorizedException = UnauthorizedException;
exports.UnauthorizedException$ = UnauthorizedException$;
exports.UntagResource$ = UntagResource$;
exports.UntagResourceCommand = UntagResourceCommand;
exports.UntagResourceRequest$ = UntagResourceRequest$;
exports.UntagResourceResponse$ = UntagResourceResponse$;
exports.UpdateComponent$ = UpdateComponent$;
exports.UpdateComponentCommand = UpdateComponentCommand;
exports.UpdateComponentData$ = UpdateComponentData$;
exports.UpdateComponentRequest$ = UpdateComponentRequest$;
exports.UpdateComponentResponse$ = UpdateComponentResponse$;
exports.UpdateForm$ = UpdateForm$;
exports.UpdateFormCommand = UpdateFormCommand;
exports.UpdateFormData$ = UpdateFormData$;
exports.UpdateFormRequest$ = UpdateFormRequest$;
exports.UpdateFormResponse$ = UpdateFormResponse$;
exports.UpdateTheme$ = UpdateTheme$;
exports.UpdateThemeCommand = UpdateThemeCommand;
exports.UpdateThemeData$ = UpdateThemeData$;
exports.UpdateThemeRequest$ = UpdateThemeRequest$;
exports.UpdateThemeResponse$ = UpdateThemeResponse$;
exports.ValueMapping$ = ValueMapping$;
exports.ValueMappings$ = ValueMappings$;
exports.errorTypeRegistries = errorTypeRegistries;
exports.paginateExportComponents = paginateExportComponents;
exports.paginateExportForms = paginateExportForms;
exports.paginateExportThemes = paginateExportThemes;
exports.paginateListCodegenJobs = paginateListCodegenJobs;
exports.paginateListComponents = paginateListComponents;
exports.paginateListForms = paginateListForms;
exports.paginateListThemes = paginateListThemes;


/***/ })

};
