/**
 * The CORS map as one self-contained HTML page: no external scripts, styles, fonts or images, and no
 * script but its own (a Content-Security-Policy of `default-src 'none'` with the page's one script and one
 * style allowed by hash says so to the browser). Every value from the project (file names, origins,
 * patterns, messages) is escaped for where it lands: HTML text and attributes, and links, which are either
 * `./`-relative with each path segment percent-encoded, or under an http(s) or file base. A sortable, filterable table of
 * the policies, and a matrix of policies against the origins that matter (trusted origins, the witness,
 * `null`, `https://evil.example`) with the simulated response in each cell. Rows are rendered here, so the
 * page reads without its script; the script only sorts and filters.
 */
import { createHash } from 'node:crypto';
import { EXAMPLE_ATTACKER } from '../analysis/checks/origins';
import type { MapPolicy, MapResponse, OriginRole } from './entries';
import {
  cookiesWord,
  countWords,
  packageGroups,
  packageLabel,
  READABLE_WORDS,
  sortedPolicies,
  summaryLine,
  VERDICTS,
  type MapReport,
} from './format';

export interface HtmlOptions {
  /** The link of a policy's site (`file:line`); by default none (the text only). */
  readonly linkOf?: (policy: MapPolicy) => string | undefined;
  readonly title?: string;
  /** When the report was made (shown in the footer); omitted for reproducible output. */
  readonly generatedAt?: string;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Schemes a `--link-base` (or any absolute link of the page) may have. */
export const LINK_SCHEMES = ['http:', 'https:', 'file:'] as const;

/** Why `base` cannot prefix the page's links, or undefined when it can (an absolute http(s) or file URL). */
export function linkBaseProblem(base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return `--link-base must be an absolute URL (http, https or file): ${JSON.stringify(base)}`;
  }
  if (!(LINK_SCHEMES as readonly string[]).includes(url.protocol))
    return `--link-base must use http, https or file, not ${url.protocol.replace(/:$/, '')}`;
  return undefined;
}

/** A relative path (`/`-separated) as a link: `./` first, each segment percent-encoded, then `#L<line>`. */
export function relativeLink(path: string, line: number): string {
  const segments = path.split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)));
  return `./${segments.join('/').replace(/^\.\//, '')}#L${line}`;
}

/** A project path under a checked base URL (`linkBaseProblem`), each segment percent-encoded. */
export function baseLink(base: string, path: string, line: number): string {
  return `${base}${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

/**
 * A link as the page may carry it: `./`-relative, `#fragment`, or absolute with an allowed scheme.
 * Anything else (`javascript:`, `data:`, a scheme hidden behind control characters) is no link at all.
 */
export function safeHref(href: string): string | undefined {
  if (href.startsWith('./') || href.startsWith('../') || href.startsWith('#')) return href;
  try {
    return (LINK_SCHEMES as readonly string[]).includes(new URL(href).protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

interface Column {
  readonly key: string;
  readonly label: string;
  readonly pick: (p: MapPolicy) => MapResponse | undefined;
}

/** Matrix columns: each trusted origin, an allowed origin from the code, the witness, `null`, the attacker. */
function matrixColumns(policies: readonly MapPolicy[]): Column[] {
  const trusted: string[] = [];
  for (const p of policies)
    for (const r of p.responses) if (r.role === 'trusted' && !trusted.includes(r.origin)) trusted.push(r.origin);
  const byRole = (role: OriginRole) => (p: MapPolicy) => p.responses.find((r) => r.role === role);
  const columns: Column[] = trusted.map((o) => ({
    key: `trusted:${o}`,
    label: o,
    pick: (p: MapPolicy) => p.responses.find((r) => r.role === 'trusted' && r.origin === o),
  }));
  if (policies.some((p) => p.responses.some((r) => r.role === 'allowed')))
    columns.push({ key: 'allowed', label: 'an origin the code allows', pick: byRole('allowed') });
  if (policies.some((p) => p.responses.some((r) => r.role === 'witness')))
    columns.push({
      key: 'witness',
      label: 'the witness (an attacker origin the check lets in)',
      pick: byRole('witness'),
    });
  columns.push({ key: 'null', label: 'null', pick: byRole('null') });
  columns.push({ key: 'attacker', label: EXAMPLE_ATTACKER, pick: byRole('attacker') });
  return columns;
}

function siteCell(p: MapPolicy, options: HtmlOptions): string {
  const text = esc(`${p.file}:${p.line}`);
  const given = options.linkOf?.(p);
  const href = given === undefined ? undefined : safeHref(given);
  return href ? `<a class="site" href="${esc(href)}">${text}</a>` : `<span class="site">${text}</span>`;
}

function responseCell(r: MapResponse | undefined, showOrigin: boolean): string {
  if (!r) return '<td class="cell none">—</td>';
  const acao = r.allowOrigin === null ? 'no ACAO' : `ACAO: ${r.allowOrigin}`;
  const creds = r.credentials === true ? '<br>ACAC: true' : r.credentials === null ? '<br>ACAC: ?' : '';
  const who = showOrigin ? `<div class="origin">${esc(r.origin)}</div>` : '';
  // A trusted origin reading with cookies is the point of the policy; anyone else doing so is the finding.
  const intended = r.role === 'trusted' || r.role === 'allowed' ? ' intended' : '';
  return `<td class="cell ${r.readable}${intended}" title="${esc(`${r.origin}: ${READABLE_WORDS[r.readable]}`)}">${who}<code>${esc(acao)}</code>${creds}<div class="readable">${esc(READABLE_WORDS[r.readable])}</div></td>`;
}

export function formatHtml(report: MapReport, options: HtmlOptions = {}): string {
  const policies = sortedPolicies(report.policies);
  const columns = matrixColumns(policies);
  const groups = packageGroups(policies);
  const rows = policies
    .map((p, i) => {
      const cells = [
        `<td data-v="${VERDICTS.indexOf(p.verdict)}"><span class="verdict ${p.verdict}">${p.verdict}</span></td>`,
        `<td data-v="${esc(`${p.file}\u0000${String(p.line).padStart(7, '0')}`)}">${siteCell(p, options)}</td>`,
        ...(groups ? [`<td>${esc(packageLabel(p.package))}</td>`] : []),
        `<td>${p.library ? `<code>${esc(p.library)}</code>` : 'headers'}${p.release ? `<div class="release">${esc(p.release.note)}</div>` : ''}</td>`,
        `<td>${esc(p.allows)}</td>`,
        `<td data-v="${p.credentials === true ? 0 : p.credentials === null ? 1 : 2}">${esc(cookiesWord(p.credentials))}</td>`,
        `<td>${p.witness ? `<code>${esc(p.witness)}</code>` : ''}</td>`,
        `<td>${p.rule ? `<code>${esc(p.rule.replace(/^cors-guard\//, ''))}</code>` : ''}</td>`,
        `<td class="summary">${esc(p.summary)}${p.related.length > 0 ? `<ul class="related">${p.related.map((r) => `<li>${r.file === p.file ? 'line' : `${esc(r.file)}, line`} ${r.line}: ${esc(r.note)}</li>`).join('')}</ul>` : ''}</td>`,
      ];
      return `<tr id="p${i}" data-i="${i}" data-verdict="${p.verdict}">${cells.join('')}</tr>`;
    })
    .join('\n');
  const matrixRows = policies
    .map(
      (p, i) =>
        `<tr data-i="${i}" data-verdict="${p.verdict}"><th scope="row"><a href="#p${i}" class="verdict ${p.verdict}">${p.verdict}</a> ${siteCell(p, options)}</th>${columns
          .map((c) => responseCell(c.pick(p), c.key === 'allowed' || c.key === 'witness'))
          .join('')}</tr>`,
    )
    .join('\n');
  const counts = VERDICTS.map((v) => {
    const n = policies.filter((p) => p.verdict === v).length;
    return `<label class="verdict ${v}"><input type="checkbox" value="${v}" checked> ${v} (${n})</label>`;
  }).join(' ');
  const errors =
    report.errors.length > 0
      ? `<section><h2>Files not parsed (${report.errors.length})</h2><ul>${report.errors.map((e) => `<li><code>${esc(`${e.file}:${e.line}`)}</code> ${esc(e.message)}</li>`).join('')}</ul></section>`
      : '';
  const skipped = report.notAnalysed ?? [];
  const notAnalysed =
    skipped.length > 0
      ? `<section><h2>Not analysed (${skipped.length})</h2><ul id="not-analysed">${skipped.map((n) => `<li><code>${esc(n.file)}</code> ${esc(n.reason)}</li>`).join('')}</ul></section>`
      : '';
  const byPackage = groups
    ? `<section><h2>By package</h2><ul id="packages">${groups.map((g) => `<li>${esc(packageLabel(g.member))}: ${esc(countWords(g.policies))}</li>`).join('')}</ul></section>`
    : '';
  const title = options.title ?? 'CORS map';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p id="summary">${esc(summaryLine(report))}</p></header>
<section>
<h2>Policies</h2>
<div class="controls"><input id="filter" type="search" placeholder="Filter: file, library, origin, rule…" aria-label="Filter policies"> ${counts} <span id="shown"></span></div>
<table id="policies" class="sortable">
<thead><tr><th data-sort>Verdict</th><th data-sort>Where</th>${groups ? '<th data-sort>Package</th>' : ''}<th data-sort>Library</th><th data-sort>Who gets in</th><th data-sort>Cookies</th><th data-sort>Witness</th><th data-sort>Rule</th><th>Why</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>
${byPackage}
<section>
<h2>Who reaches which policy</h2>
<p class="note">The response each policy gives to a credentialed request from each origin, simulated by the same evaluator the rules report from. ACAO is Access-Control-Allow-Origin, ACAC Access-Control-Allow-Credentials.</p>
<div class="scroll"><table id="matrix">
<thead><tr><th>Policy</th>${columns.map((c) => `<th scope="col">${esc(c.label)}</th>`).join('')}</tr></thead>
<tbody>
${matrixRows}
</tbody>
</table></div>
</section>
${errors}
${notAnalysed}
<footer>CORS Guard${options.generatedAt ? ` · ${esc(options.generatedAt)}` : ''}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const STYLE = `
:root{color-scheme:light;--unsafe:#c62828;--broken:#e65100;--unknown:#616161;--safe:#2e7d32}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:16px 24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}
#summary{margin:0;color:#444}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:#f6f8fa;position:sticky;top:0}
th[data-sort]{cursor:pointer;user-select:none}th[data-sort]:after{content:" ↕";color:#999}
th.asc:after{content:" ↑";color:#000}th.desc:after{content:" ↓";color:#000}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.verdict{font-weight:600;text-transform:uppercase;font-size:11px;padding:1px 6px;border-radius:10px;color:#fff;white-space:nowrap;text-decoration:none}
span.verdict.unsafe,a.verdict.unsafe{background:var(--unsafe)}span.verdict.broken,a.verdict.broken{background:var(--broken)}
span.verdict.unknown,a.verdict.unknown{background:var(--unknown)}span.verdict.safe,a.verdict.safe{background:var(--safe)}
label.verdict{color:#1f2328;text-transform:none;font-size:13px;font-weight:normal}
.controls{margin:0 0 8px;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
#filter{padding:4px 8px;min-width:260px}
.site{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;white-space:nowrap}
.summary{color:#444;font-size:13px}.related{margin:4px 0 0;padding-left:18px;color:#666;font-size:12px}
.scroll{overflow-x:auto}
#matrix th[scope=row]{white-space:nowrap;font-weight:normal}
.cell{font-size:12px;min-width:150px}.cell .readable{font-weight:600}.cell .origin{color:#555}
.cell.with-cookies{background:#fde7e7}.cell.with-cookies .readable{color:var(--unsafe)}
.cell.without-cookies{background:#fff4e0}.cell.rejected{background:#f3e5f5}
.cell.no{background:#eef7ee}.cell.no .readable{color:var(--safe)}.cell.unknown{background:#f2f2f2}
.cell.none{color:#999;text-align:center}
.cell.intended.with-cookies,.cell.intended.without-cookies{background:#e8f5e9}.cell.intended .readable{color:var(--safe)}
.note{color:#555;font-size:13px}footer{margin-top:24px;color:#888;font-size:12px}
tr.hidden{display:none}
`;

const SCRIPT = `
(function(){
  var filter=document.getElementById('filter');
  var boxes=[].slice.call(document.querySelectorAll('.controls input[type=checkbox]'));
  var shown=document.getElementById('shown');
  function apply(){
    var q=filter.value.trim().toLowerCase();
    var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
    var visible={},n=0;
    [].forEach.call(document.querySelectorAll('#policies tbody tr'),function(tr){
      var ok=on[tr.getAttribute('data-verdict')]&&(!q||tr.textContent.toLowerCase().indexOf(q)>=0);
      tr.classList.toggle('hidden',!ok);if(ok){visible[tr.getAttribute('data-i')]=1;n++;}
    });
    [].forEach.call(document.querySelectorAll('#matrix tbody tr'),function(tr){
      tr.classList.toggle('hidden',!visible[tr.getAttribute('data-i')]);
    });
    shown.textContent=n+' shown';
  }
  filter.addEventListener('input',apply);boxes.forEach(function(b){b.addEventListener('change',apply);});
  [].forEach.call(document.querySelectorAll('table.sortable th[data-sort]'),function(th,col){
    th.addEventListener('click',function(){
      var table=th.closest('table'),body=table.tBodies[0];
      var asc=!th.classList.contains('asc');
      [].forEach.call(table.querySelectorAll('th'),function(h){h.classList.remove('asc','desc');});
      th.classList.add(asc?'asc':'desc');
      var key=function(tr){var td=tr.cells[col];return td.hasAttribute('data-v')?td.getAttribute('data-v'):td.textContent.trim().toLowerCase();};
      var rows=[].slice.call(body.rows).sort(function(a,b){var x=key(a),y=key(b);var c=x<y?-1:x>y?1:0;return asc?c:-c;});
      rows.forEach(function(r){body.appendChild(r);});
      var matrix=document.querySelector('#matrix tbody');
      rows.forEach(function(r){var m=matrix.querySelector('tr[data-i="'+r.getAttribute('data-i')+'"]');if(m)matrix.appendChild(m);});
    });
  });
  apply();
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Nothing loads, nothing runs but the page's own script and style (by hash: a `<script>` that a file name
 * smuggled in would not run even if it got past the escaping), no `<base>`, no form posts anywhere.
 */
const CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
