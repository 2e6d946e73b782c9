/**
 * "What's new": the release notes of every published workspace, read from the CHANGELOG.md that
 * changesets writes beside each package.json (`# <package>`, `## <version>`, `### Minor Changes`,
 * `- <hash>: text`). A workspace without one has not been released yet.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { code, page, text } from '../markdown.mjs';
import { REPO_ROOT } from '../sources.mjs';

const SUMMARY = 'What changed in each release of the factory\'s packages and pattern modules, from their changelogs.';

/** Workspace folders named by the root package.json (`dir` or `dir/*` entries). */
export function workspaceDirs(root = REPO_ROOT) {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(parent, e.name)).sort() : [];
  });
}

/**
 * A changesets CHANGELOG.md as `{ name, releases: [{ version, sections: [{ kind, entries: [{ hash, text }] }] }] }`.
 * An entry's indented lines continue it; a nested list (updated dependencies) is joined with commas.
 */
export function parseChangelog(markdown) {
  const changelog = { name: '', releases: [] };
  let section;
  let entry;
  let nested = false; // whether the entry's continuation lines so far were a list
  for (const line of markdown.split(/\r?\n/)) {
    let match;
    if ((match = /^# (.+)$/.exec(line))) changelog.name = match[1].trim();
    else if ((match = /^## (.+)$/.exec(line))) changelog.releases.push({ version: match[1].trim(), sections: [] });
    else if ((match = /^### (.+)$/.exec(line)) && changelog.releases.length > 0) {
      section = { kind: match[1].trim(), entries: [] };
      changelog.releases.at(-1).sections.push(section);
      entry = undefined;
    } else if ((match = /^- (?:([0-9a-f]{7,40}): )?(.*)$/.exec(line)) && section) {
      entry = { hash: match[1], text: match[2].trim() };
      nested = false;
      section.entries.push(entry);
    } else if (/^\s+\S/.test(line) && entry) {
      const continued = line.trim();
      entry.text += continued.startsWith('- ') ? `${nested ? ',' : ':'} ${continued.slice(2)}` : ` ${continued}`;
      nested ||= continued.startsWith('- ');
    }
  }
  return changelog;
}

/** The changelogs of every workspace that has one, by package name. */
export function readChangelogs(dirs = workspaceDirs()) {
  return dirs
    .filter((dir) => existsSync(join(dir, 'CHANGELOG.md')))
    .map((dir) => parseChangelog(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')))
    .filter((changelog) => changelog.releases.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function renderWhatsNew(changelogs) {
  const body = changelogs.length === 0
    ? 'There are no releases yet. Each release of a package or of the pattern modules adds its changes here, from the `CHANGELOG.md` that changesets writes beside its `package.json`.'
    : [
        'Each package and the pattern modules (`@ai-factory/templates`) are released on their own; `ai-factory upgrade` moves a project to the versions this factory ships. Newest releases first.',
        ...changelogs.map(({ name, releases }) => [
          `## ${text(name)}`,
          ...releases.map(({ version, sections }) => [
            `### ${text(name)} ${text(version)}`,
            ...sections.map(({ kind, entries }) => [`**${text(kind)}**`, entries.map(({ hash, text: line }) => `- ${hash ? `${code(hash.slice(0, 7), { inTable: false })} ` : ''}${text(line)}`).join('\n')].join('\n\n')),
          ].join('\n\n')),
        ].join('\n\n')),
      ].join('\n\n');
  return page({ title: "What's new", description: SUMMARY, body });
}

export default {
  id: 'whats-new',
  title: 'Releases',
  order: 50,
  async pages() {
    return [{ path: 'whats-new', title: "What's new", summary: SUMMARY, markdown: renderWhatsNew(readChangelogs()) }];
  },
};
