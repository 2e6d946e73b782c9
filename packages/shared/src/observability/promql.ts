/**
 * Finds the metric names a PromQL expression selects, so every dashboard query and alert rule can be
 * checked against the declared metric sources. A scanner rather than a regex: label names inside
 * `{...}` and `by (...)`, function names, aggregation keywords, durations, strings and Grafana
 * variables all look like identifiers and must not count as metrics.
 */

/** Words that are operators or modifiers in PromQL, never metric names where they appear. */
const KEYWORDS = new Set([
  // aggregation operators (may be followed by `by`/`without` instead of `(`)
  'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk', 'quantile', 'limitk', 'limit_ratio',
  // binary operators and modifiers
  'and', 'or', 'unless', 'atan2', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right',
  // number literals
  'inf', 'nan',
]);

/** Keywords followed by a parenthesised list of label names. */
const LABEL_LIST_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

const IDENTIFIER_START = /[A-Za-z_:]/;
const IDENTIFIER_PART = /[A-Za-z0-9_:]/;

/** Index just past the string literal that starts at `start` (quote, escapes and all). */
function skipString(expr: string, start: number): number {
  const quote = expr[start];
  let i = start + 1;
  while (i < expr.length && expr[i] !== quote) i += quote !== '`' && expr[i] === '\\' ? 2 : 1;
  if (i >= expr.length) throw new Error(`unterminated string in PromQL: ${expr}`);
  return i + 1;
}

function readIdentifier(expr: string, start: number): string {
  let end = start;
  while (end < expr.length && IDENTIFIER_PART.test(expr[end]!)) end++;
  return expr.slice(start, end);
}

function nextSignificant(expr: string, from: number): string | undefined {
  let i = from;
  while (i < expr.length && /\s/.test(expr[i]!)) i++;
  return expr[i];
}

/** Index just past the `close` that balances the `open` at `start`, skipping strings inside. */
function skipGroup(expr: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < expr.length; ) {
    const c = expr[i]!;
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(expr, i);
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
    i++;
  }
  throw new Error(`unbalanced "${open}" in PromQL: ${expr}`);
}

/** Metric names given inside a matcher block: `{__name__="m"}` or the Prometheus 3 `{"m"}` form. */
function metricsInMatchers(block: string): string[] {
  const found: string[] = [];
  const named = /__name__\s*=\s*(["'`])((?:\\.|(?!\1).)*)\1/g;
  for (const match of block.matchAll(named)) found.push(match[2]!);
  const quoted = /[{,]\s*(["'`])((?:\\.|(?!\1).)*)\1\s*(?=[,}])/g;
  for (const match of block.matchAll(quoted)) found.push(match[2]!);
  return found;
}

/**
 * The distinct metric names selected by a PromQL expression, in order of appearance.
 * Grafana variables (`$__rate_interval`, `${datasource}`) are skipped.
 * @example metricNames('sum by (le) (rate(http_request_duration_seconds_bucket{path="/predict"}[5m]))')
 * // ['http_request_duration_seconds_bucket']
 */
export function metricNames(expr: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '#') i = expr.includes('\n', i) ? expr.indexOf('\n', i) + 1 : expr.length;
    else if (c === '"' || c === "'" || c === '`') i = skipString(expr, i);
    else if (c === '{') {
      const end = skipGroup(expr, i, '{', '}');
      found.push(...metricsInMatchers(expr.slice(i, end)));
      i = end;
    } else if (c === '[') i = skipGroup(expr, i, '[', ']');
    else if (c === '$') {
      // Grafana variable: `${name...}` or `$name`
      i = expr[i + 1] === '{' ? skipGroup(expr, i + 1, '{', '}') : i + 1 + readIdentifier(expr, i + 1).length;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(expr[i + 1] ?? ''))) {
      // numbers, hex, exponents and durations (`offset 5m`) are one alphanumeric run
      while (i < expr.length && /[0-9A-Za-z_.]/.test(expr[i]!)) i += /[eE]/.test(expr[i]!) && /[+-]/.test(expr[i + 1] ?? '') ? 2 : 1;
    } else if (IDENTIFIER_START.test(c)) {
      const word = readIdentifier(expr, i);
      i += word.length;
      const lower = word.toLowerCase();
      const next = nextSignificant(expr, i);
      if (LABEL_LIST_KEYWORDS.has(lower)) {
        if (next === '(') i = skipGroup(expr, expr.indexOf('(', i), '(', ')');
      } else if (!KEYWORDS.has(lower) && next !== '(') found.push(word);
    } else i++;
  }
  return [...new Set(found)];
}
