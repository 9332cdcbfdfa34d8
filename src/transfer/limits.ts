/**
 * Tunables of the transport: parallelism, retries, backoff and timeouts of downloads (and uploads).
 * The figures behind them are in docs/performance.md.
 */

/**
 * Parallel downloads (and sockets per host). A codegen manifest has hundreds of small files behind
 * one S3 host, each costing S3's first-byte latency (tens of ms) and only kilobytes: enough at once
 * hide that latency (docs/performance.md, "32 downloads at once", has the figures for 16, 32 and
 * 64) while staying far below what S3 serves one prefix (thousands of GETs per second) and below
 * the AWS SDK's own 50 sockets.
 */
export const DOWNLOAD_CONCURRENCY = 32

/** Tries per file, the first included. Transient S3 errors (500/503 SlowDown) pass within a few. */
export const DOWNLOAD_ATTEMPTS = 5

/**
 * Exponential backoff with full jitter: before retry n the wait is random in
 * [0, min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2^(n-1))). With 5 attempts the worst case is about 7.5 s,
 * small against any step timeout; the cap also bounds a server's Retry-After.
 */
export const BACKOFF_BASE_MS = 500
export const BACKOFF_CAP_MS = 10_000

/**
 * An attempt that receives no byte for this long is abandoned and retried. S3 answers in
 * milliseconds; 30 s only trips on a connection that has silently died (NAT timeout, lost route),
 * which TCP alone would notice only after minutes.
 */
export const IDLE_TIMEOUT_MS = 30_000

/** S3 presigned URLs do not redirect, beyond a region redirect or a CDN hop; more is a loop. */
export const MAX_REDIRECTS = 5

/**
 * Tries per upload, the first included. Each retry sends the whole file again (a presigned PUT
 * cannot resume), so a broken 5 GB upload costs another 5 GB; the step's `timeout` bounds the total.
 * Transient S3 answers (500, 503 SlowDown) and resets pass within a few, as for downloads.
 */
export const UPLOAD_ATTEMPTS = 5

/**
 * An upload asks for `100 Continue` before its body (Expect), so that a refusal (an expired URL,
 * 503 SlowDown) costs no bytes; a host that does not answer within this long gets the body anyway.
 * curl waits 1 s as well; S3 answers within milliseconds.
 */
export const UPLOAD_CONTINUE_TIMEOUT_MS = 1_000
