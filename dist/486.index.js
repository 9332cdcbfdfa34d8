export const id = 486;
export const ids = [486];
export const modules = {

/***/ 7486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ stageCodegenAsset),
  J: () => (/* binding */ stageZipFromUrl)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/fetch/limits.ts
var fetch_limits = __webpack_require__(9398);
// EXTERNAL MODULE: ./src/fetch/mask.ts
var mask = __webpack_require__(3094);
;// CONCATENATED MODULE: ./src/fetch/names.ts
/**
 * File names from the service or from an archive are untrusted: a name decides where bytes land on
 * the runner. A name is accepted only if it is a plain relative path that means the same file on
 * Linux, macOS and Windows runners, cannot leave the output folder, and cannot touch `.git` or the
 * action's own bookkeeping.
 */

/** Most bytes (UTF-8) of one path segment: the limit of ext4, APFS and NTFS. */
const MAX_SEGMENT_BYTES = 255;
/** Most bytes (UTF-8) of a whole relative path; leaves room below Linux's 4096 for output-path itself. */
const MAX_PATH_BYTES = 1024;
/** Longest name shown in an error; a hostile name could otherwise flood the log. */
const MAX_SHOWN_CHARS = 120;
/** The action's bookkeeping in output-path; a job's file must never overwrite it. */
const RESERVED_TOP_LEVEL_NAMES = ['.amplify-job-action.json', '.amplify-job-action.work'];
/**
 * Device names that Windows resolves anywhere in a path, with or without an extension, in any case.
 * The superscript digits are real: Windows treats COM¹ like COM1.
 */
const WINDOWS_DEVICE_NAMES = new Set([
    'CON',
    'PRN',
    'AUX',
    'NUL',
    'CONIN$',
    'CONOUT$',
    ...['COM', 'LPT'].flatMap((p) => [...'0123456789¹²³'].map((d) => p + d))
]);
/** C0 controls, DEL and C1 controls: invisible in logs and refused by some file systems. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/u;
/**
 * Format characters (zero-width joiners, bidi overrides, BOM) and lone surrogates. HFS+ ignores some
 * of them, so `.g\u200cit` would be `.git` there; bidi overrides make a name print as another.
 */
const INVISIBLE_CHARACTERS = /[\p{Cf}\p{Cs}]/u;
/** Characters Windows cannot store; `:` also names an NTFS alternate data stream. */
const WINDOWS_FORBIDDEN_CHARACTERS = /[<>:"|?*]/u;
/**
 * Shows a name in an error message: quoted, invisible and control characters escaped, shortened.
 * Never pass a URL here; messages must not contain secrets.
 */
function printableName(name) {
    const shown = [...name].slice(0, MAX_SHOWN_CHARS).join('');
    const escaped = shown.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\\"]/gu, (c) => c === '\\' || c === '"' ? '\\' + c : `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
    return `"${escaped}"${shown.length < name.length ? '…' : ''}`;
}
function refuse(name, why) {
    throw new errors/* UnsafeContentError */.WR(`Refusing the file name ${printableName(name)}: ${why}. Nothing was written. ` +
        'The job delivered a name that is not a plain relative path; check the component or artifact names of the job.');
}
function utf8Bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** Why one segment is refused, or undefined when it is fine. */
function segmentProblem(segment, isFirst) {
    if (segment === '')
        return 'it has an empty path segment (a leading, trailing or doubled "/")';
    if (segment === '.' || segment === '..')
        return `it has a "${segment}" path segment`;
    if (utf8Bytes(segment) > MAX_SEGMENT_BYTES)
        return `a path segment is longer than ${MAX_SEGMENT_BYTES} bytes`;
    if (/[. ]$/u.test(segment))
        return 'a path segment ends with a dot or a space, which Windows silently drops';
    const folded = segment.normalize('NFC').toLowerCase();
    if (folded === '.git' || folded === 'git~1')
        return 'it would write into a .git folder';
    if (isFirst && RESERVED_TOP_LEVEL_NAMES.includes(folded)) {
        return "it is reserved for the action's own bookkeeping in output-path";
    }
    // Windows ignores everything from the first dot, and spaces before it: "con .txt" is CON.
    const device = (segment.split('.')[0] ?? '').trimEnd().toUpperCase();
    if (WINDOWS_DEVICE_NAMES.has(device))
        return `"${device}" is a reserved device name on Windows`;
    return undefined;
}
/**
 * Checks an untrusted relative file name and returns it as a posix relative path, or throws
 * UnsafeContentError saying which rule it breaks. Accepted names are returned unchanged: every rule
 * refuses rather than rewrites, so what is written is exactly what the job named.
 */
function safeRelativePath(name) {
    if (name.length === 0)
        refuse(name, 'it is empty');
    if (CONTROL_CHARACTERS.test(name))
        refuse(name, 'it contains a control character');
    if (INVISIBLE_CHARACTERS.test(name)) {
        refuse(name, 'it contains an invisible formatting character or broken UTF-16');
    }
    if (name.startsWith('/') || name.startsWith('\\'))
        refuse(name, 'it is an absolute path');
    if (/^[A-Za-z]:/u.test(name))
        refuse(name, 'it starts with a Windows drive letter');
    if (name.includes('\\'))
        refuse(name, 'it contains a backslash, a folder separator on Windows');
    if (WINDOWS_FORBIDDEN_CHARACTERS.test(name)) {
        refuse(name, 'it contains one of < > : " | ? *, which Windows cannot store in a file name');
    }
    if (utf8Bytes(name) > MAX_PATH_BYTES)
        refuse(name, `it is longer than ${MAX_PATH_BYTES} bytes`);
    const segments = name.split('/');
    segments.forEach((segment, index) => {
        const problem = segmentProblem(segment, index === 0);
        if (problem !== undefined)
            refuse(name, problem);
    });
    return name;
}
/**
 * How a file system that ignores case and Unicode normalisation (APFS and HFS+ on macOS, NTFS on
 * Windows) sees a name. Deliberately broad: lower(upper(x)) also folds ß/SS and the Kelvin sign,
 * and refusing a rare false clash is cheaper than overwriting one generated file with another.
 */
function foldKey(path) {
    return path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}
/**
 * The names one job has produced so far. Refuses a second file that would land on the same file on
 * any runner's file system, and a name used both as a file and as a folder (`a` and `a/b`).
 */
class NameSet {
    files = new Map();
    folders = new Map();
    /** Claims a file name (checked with safeRelativePath); throws UnsafeContentError on a clash. */
    claim(path) {
        const name = safeRelativePath(path);
        const key = foldKey(name);
        const earlier = this.files.get(key);
        if (earlier !== undefined) {
            if (earlier === name)
                refuse(name, 'the job delivered two files with this name');
            refuse(name, `it is the same file as ${printableName(earlier)} on case-insensitive or Unicode-normalising ` +
                'file systems (macOS and Windows runners)');
        }
        const folder = this.folders.get(key);
        if (folder !== undefined)
            refuse(name, `it is also used as a folder by ${printableName(folder)}`);
        this.claimParents(name);
        this.files.set(key, name);
    }
    /** Claims a folder (an archive's folder entry) so that no file may take its name. */
    claimFolder(path) {
        const name = safeRelativePath(path);
        const key = foldKey(name);
        const file = this.files.get(key);
        if (file !== undefined)
            refuse(name, `it is a folder but ${printableName(file)} is a file`);
        this.claimParents(name);
        if (!this.folders.has(key))
            this.folders.set(key, name);
    }
    claimParents(name) {
        const segments = name.split('/');
        for (let end = 1; end < segments.length; end++) {
            const parent = segments.slice(0, end).join('/');
            const key = foldKey(parent);
            const file = this.files.get(key);
            if (file !== undefined)
                refuse(name, `its folder ${printableName(parent)} is also a file, ${printableName(file)}`);
            if (!this.folders.has(key))
                this.folders.set(key, name);
        }
    }
}

;// CONCATENATED MODULE: ./src/fetch/manifest.ts
/**
 * The UI Builder codegen asset: a JSON manifest `{"Output":[{fileName, schemaName, downloadUrl,
 * error}]}` where each entry's presigned URL holds one generated file. Everything in it is checked
 * before the first download: the shape, the number of files, every name, every component's error.
 */






/** Longest service error text quoted per component; the rest would only bury the other components. */
const MAX_COMPONENT_ERROR_CHARS = 500;
/** Failed components named one by one in the error; the count covers the rest. */
const MAX_LISTED_FAILURES = 20;
function malformed(problem) {
    return new errors/* DownloadError */.nV(`The codegen job's file list (the asset manifest) is not what the action expects: ${problem}. ` +
        'The service may have changed its format; re-run the step, and report it if it persists.');
}
function optionalString(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** The service's error of one entry, or undefined when the entry has none. */
function entryError(value) {
    if (value === undefined || value === null || value === '')
        return undefined;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > MAX_COMPONENT_ERROR_CHARS ? `${text.slice(0, MAX_COMPONENT_ERROR_CHARS)}…` : text;
}
/**
 * Parses and checks the manifest. Throws JobFailedError listing every component that failed to
 * generate, UnsafeContentError for a hostile name or a broken limit, DownloadError for a manifest
 * that is not one. Nothing is downloaded here.
 */
function parseCodegenManifest(body, limits) {
    if (body.length > limits.maxDocumentBytes) {
        throw new errors/* UnsafeContentError */.WR(`Refusing the codegen job's file list: it is ${body.length} bytes, more than the ${limits.maxDocumentBytes} allowed.`);
    }
    let document;
    try {
        // A byte order mark is legal in JSON files written by some tools, but JSON.parse rejects it.
        document = JSON.parse(body.toString('utf8').replace(/^\uFEFF/u, ''));
    }
    catch {
        throw malformed('it is not valid JSON');
    }
    const output = document?.Output;
    if (typeof document !== 'object' || document === null || !Array.isArray(output)) {
        throw malformed('it has no "Output" list');
    }
    if (output.length > limits.maxFiles) {
        throw new errors/* UnsafeContentError */.WR(`Refusing the codegen job's output: it lists ${output.length} files, more than the ${limits.maxFiles} allowed.`);
    }
    const failures = [];
    const candidates = [];
    output.forEach((entry, index) => {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
            throw malformed(`entry ${index + 1} of "Output" is not an object`);
        }
        const record = entry;
        const schemaName = optionalString(record.schemaName);
        const downloadUrl = optionalString(record.downloadUrl);
        const error = entryError(record.error);
        if (error !== undefined || downloadUrl === undefined) {
            failures.push({
                schemaName,
                fileName: optionalString(record.fileName),
                error: error ?? 'the service delivered no file for it'
            });
            return;
        }
        candidates.push({ fileName: record.fileName, schemaName, downloadUrl });
    });
    if (failures.length > 0)
        throw componentsFailed(failures);
    const names = new NameSet();
    const files = candidates.map(({ fileName, schemaName, downloadUrl }, index) => {
        if (typeof fileName !== 'string')
            throw malformed(`entry ${index + 1} has no "fileName"`);
        const checked = safeRelativePath(fileName);
        names.claim(checked);
        return schemaName === undefined ? { path: checked, downloadUrl } : { path: checked, schemaName, downloadUrl };
    });
    return { files };
}
function componentsFailed(failures) {
    const lines = failures.map(({ schemaName, fileName, error }) => {
        const component = schemaName === undefined ? 'an unnamed component' : printableName(schemaName);
        const file = fileName === undefined ? '' : ` (${printableName(fileName)})`;
        return `${component}${file}: ${error}`;
    });
    const count = failures.length === 1 ? '1 component' : `${failures.length} components`;
    // A job of thousands of failed components would otherwise print one error line of megabytes.
    const listed = lines.slice(0, MAX_LISTED_FAILURES);
    if (lines.length > listed.length)
        listed.push(`and ${lines.length - listed.length} more (see the job in Amplify Studio)`);
    return new errors/* JobFailedError */.dk(`Amplify UI Builder could not generate ${count}: ${listed.join('; ')}. ` +
        'Fix them in Amplify Studio (or in the render config) and re-run the step; nothing was written.');
}
/**
 * A byte budget shared by parallel downloads; refuses the chunk that would cross the limit, so the
 * total is enforced while files stream, not after they have filled the disk.
 */
function totalBudget(limits) {
    let used = 0;
    return (delta) => {
        if (used + delta > limits.maxTotalBytes) {
            throw new errors/* UnsafeContentError */.WR(`Refusing the codegen job's output: its files add up to more than the ${limits.maxTotalBytes} bytes allowed. Nothing was written.`);
        }
        used += delta;
    };
}
/**
 * Downloads every file of the manifest into `staging.root`, several at a time, and registers each.
 * Masks all URLs before the first request. The first failure stops the other downloads, and the
 * promise rejects with it once they have all let go of their files.
 */
async function stageCodegenManifest(manifest, staging, downloader, options) {
    for (const file of manifest.files)
        (0,mask/* maskPresignedUrl */.B3)(file.downloadUrl, options.mask);
    options.signal?.throwIfAborted();
    const stop = new AbortController();
    const onAbort = () => stop.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const onBytes = totalBudget(options.limits);
    const staged = [];
    let next = 0;
    let firstError;
    const worker = async () => {
        while (!stop.signal.aborted) {
            const file = manifest.files[next++];
            if (file === undefined)
                return;
            try {
                // Checked in parseCodegenManifest already; checked again because this is where it is written.
                const relative = safeRelativePath(file.path);
                const destination = external_node_path_.join(staging.root, ...relative.split('/'));
                await (0,promises_.mkdir)(external_node_path_.dirname(destination), { recursive: true });
                const what = `the generated file ${printableName(relative)}`;
                const result = await downloader.toFile(file.downloadUrl, destination, {
                    signal: stop.signal,
                    maxBytes: options.limits.maxTotalBytes,
                    what,
                    exclusive: true,
                    onBytes
                });
                const stagedFile = { path: relative, bytes: result.bytes, sha256: result.sha256 };
                staging.add(stagedFile);
                staged.push(stagedFile);
            }
            catch (error) {
                // Later failures are mostly the abort this one caused; the first is the one to report.
                if (firstError === undefined) {
                    firstError = { error: options.signal?.aborted === true ? options.signal.reason : error };
                    stop.abort(firstError.error);
                }
                return;
            }
        }
    };
    try {
        const workers = Math.max(1, Math.min(options.concurrency ?? fetch_limits/* DOWNLOAD_CONCURRENCY */.ts, manifest.files.length));
        await Promise.all(Array.from({ length: workers }, worker));
    }
    finally {
        options.signal?.removeEventListener('abort', onAbort);
    }
    if (firstError !== undefined)
        throw firstError.error;
    options.signal?.throwIfAborted();
    return staged;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var node_modules_yauzl = __webpack_require__(663);
// EXTERNAL MODULE: ./src/fetch/file-sink.ts
var file_sink = __webpack_require__(2690);
;// CONCATENATED MODULE: ./src/fetch/zip.ts
/**
 * Unpacks an untrusted zip (hosting build artifacts, codegen assets of older service versions) into
 * a staging folder. The whole central directory is checked before the first byte is written: entry
 * count, names, entry kinds, encryption, compression and the declared total size. While writing,
 * yauzl checks that each entry inflates to exactly its declared size, and the CRC-32 is compared.
 */












/** Unix file type bits in the upper half of the external attributes (S_IFMT and friends). */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** General purpose flag bit 0: the entry is encrypted (bit 6, strong encryption, implies it). */
const FLAG_ENCRYPTED = 0x0001;
/** Compression methods node can undo: stored and deflate. */
const STORED = 0;
const DEFLATED = 8;
/** Reads of the archive and inflated pieces: large, so that a big entry takes few round trips. */
const READ_CHUNK_BYTES = 1024 * 1024;
const INFLATE_CHUNK_BYTES = 256 * 1024;
/** zlib.crc32 arrived in node 20.15; on an older node the size checks still hold, the CRC is skipped. */
const HAS_CRC32 = typeof external_node_zlib_.crc32 === 'function';
function unsafe(what, problem) {
    return new errors/* UnsafeContentError */.WR(`Refusing ${what}: ${problem}. Nothing was written.`);
}
// decodeStrings: false, so that names reach safeRelativePath unaltered (yauzl would turn "\" into
// "/" and refuse some names itself with messages that print them raw).
const YAUZL_OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true };
/** Opens an archive whose bytes come from `reader` (zip-stream.ts: the fetched end of a download). */
function openZipFromReader(reader, size) {
    return new Promise((resolve, reject) => {
        yauzl.fromRandomAccessReader(reader, size, YAUZL_OPTIONS, (error, zip) => (error === null ? resolve(zip) : reject(error)));
    });
}
function openZip(zipPath) {
    return new Promise((resolve, reject) => {
        node_modules_yauzl.open(zipPath, YAUZL_OPTIONS, (error, zip) => (error === null ? resolve(zip) : reject(error)));
    });
}
/** The entry's name decoded as the spec says (UTF-8 flag, Info-ZIP Unicode path field, else CP437). */
function entryName(entry) {
    return node_modules_yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}
/** Classifies one central directory entry; throws for anything that is not a plain file or folder. */
function checkEntry(entry, name, what) {
    const shown = `the entry ${printableName(name)} of ${what}`;
    if ((entry.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0) {
        throw unsafe(shown, 'it is encrypted, and the action cannot decrypt archives');
    }
    const isFolder = name.endsWith('/');
    // The unix mode is in the upper 16 bits. It is honoured whoever made the archive: a zero type
    // says nothing, any other type but a regular file or a folder is refused.
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK)
        throw unsafe(shown, 'it is a symbolic link, which could point outside the output folder');
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
        throw unsafe(shown, `it is neither a regular file nor a folder (unix file type 0o${type.toString(8)})`);
    }
    if ((type === S_IFDIR) !== isFolder && type !== 0) {
        throw unsafe(shown, isFolder ? 'its name ends with "/" but it is not a folder' : 'it is a folder whose name does not end with "/"');
    }
    if (isFolder) {
        if (entry.uncompressedSize !== 0)
            throw unsafe(shown, 'it is a folder with content');
        return 'folder';
    }
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
        throw unsafe(shown, `it uses compression method ${entry.compressionMethod}; only stored and deflate are supported`);
    }
    return 'file';
}
/**
 * Reads the whole central directory and returns the files to write, or throws before anything is
 * written: a zip bomb is refused on what it declares, and the declared sizes are then enforced.
 */
async function plan(zip, limits, what, signal) {
    // The count in the end record is checked before reading any entry: a hostile archive could
    // otherwise make us walk millions of them.
    if (zip.entryCount > limits.maxFiles) {
        throw unsafe(what, `it has ${zip.entryCount} entries, more than the ${limits.maxFiles} allowed`);
    }
    const names = new NameSet();
    const files = [];
    let declaredTotal = 0;
    for await (const entry of zip.eachEntry()) {
        signal?.throwIfAborted();
        const name = entryName(entry);
        const kind = checkEntry(entry, name, what);
        if (kind === 'folder') {
            names.claimFolder(safeRelativePath(name.slice(0, -1)));
            continue;
        }
        const checked = safeRelativePath(name);
        names.claim(checked);
        declaredTotal += entry.uncompressedSize;
        if (declaredTotal > limits.maxTotalBytes) {
            throw unsafe(what, `its files unpack to more than the ${limits.maxTotalBytes} bytes allowed (a zip bomb, or a job far larger than expected)`);
        }
        if (declaredTotal > fetch_limits/* COMPRESSION_RATIO_FLOOR_BYTES */.UP && declaredTotal > zip.fileSize * fetch_limits/* MAX_COMPRESSION_RATIO */.eY) {
            throw unsafe(what, `its files unpack to more than ${fetch_limits/* MAX_COMPRESSION_RATIO */.eY} times the archive's own ${zip.fileSize} bytes (a zip bomb: real build output compresses far less)`);
        }
        files.push({ entry, path: checked });
    }
    return files;
}
/**
 * The streams that yield an entry's content: its bytes read straight from the archive in large
 * chunks (yauzl checks the local header and that the data lies within the file), inflated when
 * deflated. The meter after them enforces the declared size.
 */
async function entryData(zip, source, entry) {
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    if (entry.compressedSize === 0)
        return external_node_stream_.Readable.from([]);
    return (0,external_node_fs_.createReadStream)('', { fd: source.fd, autoClose: false, start: fileDataStart, end: fileDataStart + entry.compressedSize - 1, highWaterMark: READ_CHUNK_BYTES });
}
/**
 * Writes one planned file below staging.root (a new file, never an existing one) from its bytes as
 * stored in the archive (`raw`: inflated here when deflated), checks size and CRC-32, hashes it.
 */
async function writeEntry(file, raw, staging, what, signal) {
    const destination = external_node_path_.join(staging.root, ...file.path.split('/'));
    await (0,promises_.mkdir)(external_node_path_.dirname(destination), { recursive: true });
    const handle = await (0,promises_.open)(destination, 'wx');
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let crc = 0;
    let bytes = 0;
    let complete = false;
    try {
        const stages = file.entry.compressionMethod === DEFLATED ? [raw, external_node_zlib_.createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES })] : [raw];
        const meter = new external_node_stream_.Transform({
            transform(chunk, _encoding, callback) {
                bytes += chunk.length;
                // yauzl stops at the declared size already; this keeps the promise independent of it.
                if (bytes > file.entry.uncompressedSize) {
                    callback(unsafe(`the entry ${printableName(file.path)} of ${what}`, 'it holds more bytes than it declares'));
                    return;
                }
                hash.update(chunk);
                if (HAS_CRC32)
                    crc = external_node_zlib_.crc32(chunk, crc);
                callback(null, chunk);
            }
        });
        await (0,external_node_stream_promises_.pipeline)([...stages, meter, (0,file_sink/* fileSink */.a)(handle)], signal === undefined ? {} : { signal });
        if (bytes !== file.entry.uncompressedSize) {
            throw unsafe(`the entry ${printableName(file.path)} of ${what}`, `it has not enough bytes: ${bytes} of the ${file.entry.uncompressedSize} it declares`);
        }
        if (HAS_CRC32 && crc !== file.entry.crc32) {
            throw unsafe(`the entry ${printableName(file.path)} of ${what}`, 'its checksum (CRC-32) does not match; the archive is damaged');
        }
        complete = true;
    }
    finally {
        await handle.close();
        // A partial file must not pass for content, even in a staging folder that is thrown away.
        if (!complete)
            await (0,promises_.rm)(destination, { force: true });
    }
    return { path: file.path, bytes, sha256: hash.digest('hex') };
}
/**
 * Unpacks `zipPath` into `staging.root` and registers every file; returns the files written. Throws
 * UnsafeContentError naming the entry for anything unsafe or inconsistent, or the signal's reason.
 * Folder entries only reserve their names: empty folders are not created, the files define the tree.
 */
async function extractZip(zipPath, staging, options) {
    const what = options.what ?? 'the archive';
    const { signal } = options;
    signal?.throwIfAborted();
    let zip;
    let source;
    try {
        zip = await openZip(zipPath);
    }
    catch (error) {
        throw damaged(error, what);
    }
    try {
        const files = await plan(zip, options.limits, what, signal).catch((error) => {
            throw damaged(error, what);
        });
        const staged = [];
        source = await (0,promises_.open)(zipPath, 'r');
        for (const file of files) {
            signal?.throwIfAborted();
            const from = source;
            const stagedFile = await entryData(zip, from, file.entry).then(raw => writeEntry(file, raw, staging, what, signal)).catch((error) => {
                throw damaged(error, `the entry ${printableName(file.path)} of ${what}`, 'its content does not match its header');
            });
            staging.add(stagedFile);
            staged.push(stagedFile);
        }
        return staged;
    }
    catch (error) {
        throw signal?.aborted === true ? signal.reason : error;
    }
    finally {
        await source?.close();
        zip.close();
    }
}
/** Keeps our own errors; turns yauzl's and the file system's into one that says what was refused. */
function damaged(error, what, problem = 'it is not a valid zip archive or is damaged') {
    if (error instanceof errors/* ActionError */.lZ)
        return error;
    if (error?.name === 'AbortError')
        return error;
    const message = error instanceof Error ? error.message : String(error);
    const code = error?.code;
    if (typeof code === 'string' && !code.startsWith('Z_')) {
        return new errors/* UnsafeContentError */.WR(`Could not unpack ${what}: ${code} (${message}). Check the free space and permissions of the workspace.`);
    }
    return unsafe(what, `${problem} (${message})`);
}

;// CONCATENATED MODULE: ./src/fetch/asset.ts
/**
 * Entry points of the fetch side for one job: the UI Builder codegen asset (a JSON manifest today,
 * a zip from older service versions) and hosting build artifacts (a zip). Each downloads into the
 * staging scratch folder, then unpacks into staging.root.
 */








/** A zip starts with a local file header; an empty zip is only its end record. */
const ZIP_LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_EMPTY_ARCHIVE = Buffer.from('PK\x05\x06', 'latin1');
async function firstBytes(file, count) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buffer = Buffer.alloc(count);
        const { bytesRead } = await handle.read(buffer, 0, count, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
/** Downloads into a fresh file in scratch, runs `use` on it, and removes it either way. */
async function withScratchDownload(url, staging, downloader, options, use) {
    await (0,promises_.mkdir)(staging.scratch, { recursive: true });
    const file = external_node_path_.join(staging.scratch, `download-${(0,external_node_crypto_.randomUUID)()}`);
    try {
        const { bytes } = await downloader.toFile(url, file, {
            what: options.what,
            maxBytes: options.maxBytes,
            exclusive: true,
            // Only unpacked or parsed: the files staged from it are hashed, not the archive.
            hash: false,
            signal: options.signal
        });
        return await use(file, bytes);
    }
    finally {
        // The archive may be gigabytes; free the disk before the final move.
        await (0,promises_.rm)(file, { force: true });
    }
}
/**
 * Fetches a codegen job's asset into staging.root: a manifest's files, or an old-style zip's
 * entries. Masks the URL before anything else. Returns the files staged.
 */
async function stageCodegenAsset(url, staging, downloader, options) {
    (0,mask/* maskPresignedUrl */.B3)(url, options.mask);
    const what = "the codegen job's asset";
    return withScratchDownload(url, staging, downloader, 
    // Until the first bytes are in, it may be a zip of the whole output.
    { ...options, what, maxBytes: (0,fetch_limits/* maxArchiveBytes */.e2)(options.limits) }, async (file, bytes) => {
        const magic = await firstBytes(file, ZIP_LOCAL_HEADER.length);
        if (magic.equals(ZIP_LOCAL_HEADER) || magic.equals(ZIP_EMPTY_ARCHIVE)) {
            return extractZip(file, staging, { limits: options.limits, what, signal: options.signal });
        }
        if (bytes > options.limits.maxDocumentBytes) {
            throw new errors/* UnsafeContentError */.WR(`Refusing ${what}: it is neither a zip nor a file list small enough to read (${bytes} bytes, ` +
                `at most ${options.limits.maxDocumentBytes} allowed).`);
        }
        const manifest = parseCodegenManifest(await (0,promises_.readFile)(file), options.limits);
        return stageCodegenManifest(manifest, staging, downloader, options);
    });
}
/** Fetches a zip (hosting build artifacts) and unpacks it into staging.root. Masks the URL first. */
async function stageZipFromUrl(url, staging, downloader, options) {
    (0,mask/* maskPresignedUrl */.B3)(url, options.mask);
    return withScratchDownload(url, staging, downloader, { ...options, maxBytes: (0,fetch_limits/* maxArchiveBytes */.e2)(options.limits) }, (file) => extractZip(file, staging, { limits: options.limits, what: options.what, signal: options.signal }));
}


/***/ }),

/***/ 3094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B3: () => (/* binding */ maskPresignedUrl)
/* harmony export */ });
/* unused harmony exports CREDENTIAL_PARAMETERS, MIN_MASKED_LENGTH */
/**
 * Query parameters whose values are credentials or signatures, lower-cased: AWS SigV4 and SigV2,
 * CloudFront signed URLs, and the same for Google Cloud Storage and Azure SAS in case a service
 * hands one of those out behind a CDN.
 */
const CREDENTIAL_PARAMETERS = new Set([
    'x-amz-signature',
    'x-amz-security-token',
    'x-amz-credential',
    'signature',
    'awsaccesskeyid',
    'policy',
    'key-pair-id',
    'x-goog-signature',
    'x-goog-credential',
    'sig',
    'token',
    'access_token'
]);
/**
 * Shorter values are not masked: masking a value such as "1" would blank every "1" in the log, and
 * real credentials are far longer (a SigV4 signature is 64 characters).
 */
const MIN_MASKED_LENGTH = 8;
function decode(value, plusIsSpace) {
    try {
        return decodeURIComponent(plusIsSpace ? value.replace(/\+/g, ' ') : value);
    }
    catch {
        return undefined;
    }
}
/** Every printed shape of one query value: raw, decoded (both ways of reading "+"), re-encoded. */
function shapesOf(raw) {
    const shapes = [raw];
    for (const decoded of [decode(raw, false), decode(raw, true)]) {
        if (decoded === undefined)
            continue;
        shapes.push(decoded, encodeURIComponent(decoded));
    }
    return shapes;
}
/**
 * Registers the whole URL and each credential-bearing query value, raw and percent-decoded, with
 * the runner's masking. Call it before the URL can reach any log line or error.
 */
function maskPresignedUrl(url, mask) {
    const secrets = new Set([url]);
    const queryStart = url.indexOf('?');
    if (queryStart >= 0) {
        const hashStart = url.indexOf('#', queryStart);
        const query = url.slice(queryStart + 1, hashStart >= 0 ? hashStart : undefined);
        for (const pair of query.split('&')) {
            const equals = pair.indexOf('=');
            if (equals < 0)
                continue;
            const key = decode(pair.slice(0, equals), true)?.toLowerCase();
            if (key === undefined || !CREDENTIAL_PARAMETERS.has(key))
                continue;
            for (const shape of shapesOf(pair.slice(equals + 1))) {
                secrets.add(shape);
                // X-Amz-Credential is "<access key id>/<date>/<region>/<service>/aws4_request"; the key id
                // alone identifies the role session and is printed alone by some tools.
                if (key === 'x-amz-credential')
                    secrets.add(shape.split('/')[0] ?? '');
            }
        }
    }
    // URL parsing may normalise the text (host case, default port); that shape can be printed too.
    try {
        secrets.add(new URL(url).href);
    }
    catch {
        // Not a URL: the raw text is masked above, and the downloader refuses it anyway.
    }
    for (const secret of secrets) {
        if (secret.length >= MIN_MASKED_LENGTH)
            mask(secret);
    }
}


/***/ })

};
