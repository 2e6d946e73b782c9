/**
 * What still looks specific to the project a file was lifted from, after generalisation: absolute paths,
 * hostnames and URLs, email and IP addresses, and the project name in spellings the answers do not record
 * (ChurnModel, churnModel, CHURN_MODEL, "churn model"). Reported for a person to decide; nothing is changed.
 * Matches stop at `{`, where a generalised value's expression begins.
 */
export interface Finding {
  line: number;
  text: string;
  reason: string;
}

const PATTERNS: [RegExp, string][] = [
  [/(?<![\w.$])(?:\/(?:home|Users|root|tmp|var|opt|mnt|srv|workspace|work|data)\/[^\s'"`),;{]+|[A-Z]:\\[^\s'"`{]+)/g, 'absolute path'],
  [/[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, 'email address'],
  [/\bhttps?:\/\/[^\s'"`)<>{]+/g, 'URL'],
  [/\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|internal|local|corp|lan|cloud|ai|azurecr\.io|amazonaws\.com)\b/gi, 'hostname'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, 'IP address'],
];

/** Placeholders every project may keep. */
const HARMLESS = /^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|example\.(?:com|org|net))(?:[:/].*)?$/;

/** Other spellings of a project name: `churn-model` → ChurnModel, churnModel, CHURN_MODEL, churn model, churnmodel. */
export function nameSpellings(name: string): RegExp[] {
  const words = name.split(/[-_.]+/).filter(Boolean);
  const cap = (word: string) => word[0]!.toUpperCase() + word.slice(1);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const exact = [words.map(cap).join(''), words.map((w) => w.toUpperCase()).join('_')];
  if (words.length > 1) exact.push(words[0] + words.slice(1).map(cap).join(''));
  const spellings = [...new Set(exact)].filter((s) => s !== name).map((s) => new RegExp(`(?<![A-Za-z0-9])${escape(s)}(?![A-Za-z0-9])`, 'g'));
  if (words.length > 1) spellings.push(new RegExp(`(?<![A-Za-z0-9])${words.map(escape).join('[ ]?')}(?![A-Za-z0-9_-])`, 'gi'));
  return spellings;
}

/** Findings in a file's (generalised) text, one per distinct text and reason on each line. */
export function projectSpecific(text: string, projectName: string): Finding[] {
  const findings: Finding[] = [];
  const spellings = nameSpellings(projectName);
  text.split('\n').forEach((content, index) => {
    const seen = new Set<string>();
    const add = (match: string, reason: string) => {
      if (HARMLESS.test(match) || seen.has(`${reason}\0${match}`)) return;
      seen.add(`${reason}\0${match}`);
      findings.push({ line: index + 1, text: match, reason });
    };
    for (const [pattern, reason] of PATTERNS) for (const [match] of content.matchAll(pattern)) add(match, reason);
    for (const pattern of spellings) for (const [match] of content.matchAll(pattern)) add(match, `the project name "${projectName}" spelled differently`);
  });
  // A hostname inside a URL or email is the same finding.
  return findings.filter((f) => f.reason !== 'hostname' || !findings.some((o) => o.line === f.line && o !== f && o.text.includes(f.text)));
}
