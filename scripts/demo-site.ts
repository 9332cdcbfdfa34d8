/**
 * The small built site `npm run demo -- --job-type deploy` deploys: a page, a stylesheet, a script
 * and an image, as a bundler would leave them in its output folder. The image is a real PNG (an
 * orange disc, 16 x 16), so the zip shows a file stored as it is next to text that is deflated.
 */

/** Written into the demo's workspace under this folder, the deploy's `source`. */
export const DEMO_SITE_FOLDER = 'dist'

/** 16 x 16 RGBA PNG, 105 bytes. */
const LOGO_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAMElEQVR42mNgoDb4P5PhPz5MkWa8hhCrGashpGrGMGTUgGFhAMUJiSpJmSqZiRwAAEAdvYSu5IKiAAAAAElFTkSuQmCC'

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>amplify-job-action demo</title>
    <link rel="stylesheet" href="/assets/style.css">
    <script type="module" src="/assets/app.js"></script>
  </head>
  <body>
    <img src="/assets/logo.png" alt="" width="16" height="16">
    <h1>Deployed by amplify-job-action</h1>
    <p id="when"></p>
  </body>
</html>
`

const STYLE_CSS = `body { font-family: system-ui, sans-serif; margin: 4rem auto; max-width: 40rem; color: #232f3e; }
h1 { display: inline; margin-left: .5rem; font-size: 1.5rem; }
#when { color: #687078; }
`

const APP_JS = `document.getElementById('when').textContent = \`Built \${new Date(document.lastModified).toLocaleString()}\`
`

/** File name (relative to the site's folder) -> content. */
export function demoSite(): Record<string, string | Buffer> {
  return {
    'index.html': INDEX_HTML,
    'assets/style.css': STYLE_CSS,
    'assets/app.js': APP_JS,
    'assets/logo.png': Buffer.from(LOGO_PNG_BASE64, 'base64')
  }
}
