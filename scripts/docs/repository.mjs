/**
 * The repository's web address, from the root package.json `repository` field (npm's forms: a URL
 * string, `{ url }`, or `host:owner/name` and `owner/name` shorthands), for the playbook's
 * "Edit this page" links. Nothing is guessed: without the field the site has no edit links.
 */
const SHORTHAND_HOSTS = { github: 'https://github.com', gitlab: 'https://gitlab.com', bitbucket: 'https://bitbucket.org' };

/** `https://host/owner/name` for a `repository` field, or undefined. */
export function repositoryWebUrl(repository) {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const value = raw.trim();
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(value);
  if (shorthand) return `${SHORTHAND_HOSTS[shorthand[1] ?? 'github']}/${shorthand[2].replace(/\.git$/, '')}`;
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?$/.exec(value);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(value.replace(/^git\+/, ''));
    return `https://${url.host}${url.pathname.replace(/\.git$/, '').replace(/\/$/, '')}`;
  } catch {
    return undefined;
  }
}

/**
 * VitePress's edit-link pattern for a page under `docs/` on `branch`, in the host's own URL form.
 * @example editLinkPattern('https://github.com/acme/ai-factory') // 'https://github.com/acme/ai-factory/edit/main/docs/:path'
 */
export function editLinkPattern(webUrl, branch = 'main') {
  const edit = new URL(webUrl).host.includes('gitlab') ? '-/edit' : 'edit';
  return `${webUrl}/${edit}/${branch}/docs/:path`;
}
