/**
 * HTML helpers of the review site: escaping, embedding data as a script (the
 * site runs from file://, where fetch() of JSON is blocked), and the page
 * shell that loads the site's own CSS and script (no CDN).
 */

export const esc = (s: unknown): string =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** JSON safe inside <script>: no `</script>`, no line separators that end a JS string. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A whole page: `kind` selects the client behaviour (index, document, body). */
export function pageShell(kind: 'index' | 'document' | 'body', title: string, body: string, data: unknown): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="assets/review.css">
</head>
<body data-page="${kind}">
${body}
<script>window.GONGKAI = ${scriptJson(data)};</script>
<script src="assets/review.js"></script>
</body>
</html>
`;
}

export const STATUS_LABEL: Record<string, string> = { complete: '完整 complete', partial: '部分 partial', failed: '失败 failed' };
