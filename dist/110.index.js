export const id = 110;
export const ids = [110];
export const modules = {

/***/ 5110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkDependencies: () => (/* binding */ checkDependencies),
/* harmony export */   dependencyWarning: () => (/* binding */ dependencyWarning)
/* harmony export */ });
/* harmony import */ var semver_ranges_subset_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1489);
/* harmony import */ var semver_ranges_subset_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver_ranges_subset_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4737);
/* harmony import */ var semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Compares the packages a codegen job says its code needs with the workspace's package.json, so a
 * pull request that regenerates UI code for amplify-js v6 into a v5 app is flagged at once.
 */


function checkDependencies(required, manifest) {
    return required
        .filter(dependency => dependency.name)
        .map(dependency => {
        const written = manifest?.dependencies?.[dependency.name] ?? manifest?.devDependencies?.[dependency.name];
        const installed = typeof written === 'string' ? written : undefined;
        return { ...dependency, installed, state: stateOf(dependency, installed) };
    });
}
function stateOf(dependency, installed) {
    if (installed === undefined)
        return 'missing';
    if (!dependency.isSemVer)
        return installed === dependency.supportedVersion ? 'ok' : 'not comparable';
    if (!semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_1___default()(installed) || !semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_1___default()(dependency.supportedVersion))
        return 'not comparable';
    // Every version the app's range allows must be one the generated code supports.
    return semver_ranges_subset_js__WEBPACK_IMPORTED_MODULE_0___default()(installed, dependency.supportedVersion) ? 'ok' : 'out of range';
}
/** The annotation for a dependency that needs attention, or undefined when it is fine. */
function dependencyWarning(check) {
    const why = check.reason ? ` (${check.reason})` : '';
    switch (check.state) {
        case 'missing':
            return `The generated UI code needs ${check.name} ${check.supportedVersion}${why}, but package.json does not list it. Run: npm install ${check.name}@"${check.supportedVersion}"`;
        case 'out of range':
            return `The generated UI code needs ${check.name} ${check.supportedVersion}${why}, but package.json allows ${check.installed}. Run: npm install ${check.name}@"${check.supportedVersion}"`;
        default:
            return undefined;
    }
}


/***/ })

};
