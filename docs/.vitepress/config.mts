/**
 * The playbook site. The reference section and its sidebar are generated from the factory's code by
 * scripts/docs/generate.mjs, so a new module, preset or command appears here with no edit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { defineConfig, type DefaultTheme } from 'vitepress';
import { editLinkPattern, repositoryWebUrl } from '../../scripts/docs/repository.mjs';

const SIDEBAR_DATA = new URL('../reference/sidebar.json', import.meta.url);
/** The path the theme loads Mermaid from (see MermaidDiagram.vue). */
const MERMAID_PATH = 'mermaid.min.js';

/**
 * Serves Mermaid's own prebuilt browser bundle as one static file, so the site's build never bundles
 * Mermaid again (it tripled the build time) and only pages with a diagram download it.
 */
function mermaidScript(): Plugin {
  const source = () => readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'));
  return {
    name: 'playbook-mermaid-script',
    configureServer(server) {
      server.middlewares.use(`/${MERMAID_PATH}`, (_request, response) => {
        response.setHeader('content-type', 'text/javascript');
        response.end(source());
      });
    },
    generateBundle(_options, bundle) {
      // The client bundle only: the server bundle renders pages and never draws a diagram.
      if (Object.keys(bundle).some((file) => file.startsWith('assets/'))) this.emitFile({ type: 'asset', fileName: MERMAID_PATH, source: source() });
    },
  };
}

function referenceSidebar(): DefaultTheme.SidebarItem[] {
  if (!existsSync(SIDEBAR_DATA)) {
    throw new Error('docs/reference/ is not generated: run `npm run build && node scripts/docs/generate.mjs` (npm run docs:build does both steps after the build).');
  }
  return JSON.parse(readFileSync(SIDEBAR_DATA, 'utf8')) as DefaultTheme.SidebarItem[];
}

const { repository } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { repository?: unknown };
const repositoryUrl = repositoryWebUrl(repository);

const guide: DefaultTheme.SidebarItem = {
  text: 'Guide',
  items: [
    { text: 'MLOps principles', link: '/guide/principles' },
    { text: 'The factory in pictures', link: '/guide/architecture' },
    { text: 'Maturity models', link: '/guide/maturity' },
    { text: 'From exploration to production', link: '/guide/lifecycle' },
    { text: 'Champion/challenger promotion', link: '/guide/champion-challenger' },
    { text: 'Drift and retraining', link: '/guide/drift' },
    { text: 'Explainability', link: '/guide/explainability' },
    { text: 'Responsible AI', link: '/guide/responsible-ai' },
    { text: 'Environments and promotion', link: '/guide/environments' },
    { text: 'Deploying, from an empty account', link: '/guide/deploy' },
    { text: 'Event-driven automation', link: '/guide/events' },
    { text: 'Budgets, quotas and costs', link: '/guide/costs' },
    { text: 'Shared dashboards', link: '/guide/dashboards' },
    { text: 'Upgrading a fleet', link: '/guide/fleet' },
  ],
};

const adoption: DefaultTheme.SidebarItem = {
  text: 'Adoption',
  items: [
    { text: 'Enablement and readiness', link: '/guide/enablement' },
    { text: 'Retrospective and contributing back', link: '/guide/retrospective' },
  ],
};

const roles: DefaultTheme.SidebarItem = {
  text: 'Roles',
  items: [
    { text: 'Data scientist', link: '/roles/data-scientist' },
    { text: 'Data engineer', link: '/roles/data-engineer' },
    { text: 'ML engineer', link: '/roles/ml-engineer' },
    { text: 'AI engineer', link: '/roles/ai-engineer' },
    { text: 'Domain expert', link: '/roles/domain-expert' },
    { text: 'Model validator', link: '/roles/model-validator' },
    { text: 'Platform team', link: '/roles/platform-team' },
  ],
};

export default defineConfig({
  title: 'AI Factory playbook',
  description: 'How to take a machine learning use case from exploration to production with AI Factory.',
  cleanUrls: true,
  // From each page's git history, read locally at build time; generated pages (not in git) show none.
  lastUpdated: true,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  markdown: {
    config(md) {
      // Vue would evaluate `{{ }}` in inline code (templates and alert rules are full of it); v-pre stops that.
      const render = md.renderer.rules.code_inline!;
      md.renderer.rules.code_inline = (tokens, idx, options, env, self) => {
        tokens[idx]!.attrSet('v-pre', '');
        return render(tokens, idx, options, env, self);
      };
      // ```mermaid blocks become diagrams, drawn by the theme's MermaidDiagram component in the browser.
      const fence = md.renderer.rules.fence!;
      md.renderer.rules.fence = (tokens, idx, options, env, self) => {
        const token = tokens[idx]!;
        if (token.info.trim() !== 'mermaid') return fence(tokens, idx, options, env, self);
        const id = `diagram-${String((env as { relativePath?: string }).relativePath ?? 'page').replace(/\W+/g, '-')}-${idx}`;
        return `<MermaidDiagram id="${id}" code="${encodeURIComponent(token.content)}" />`;
      };
    },
  },
  vite: { plugins: [mermaidScript()] },
  themeConfig: {
    logo: '/logo.svg',
    nav: [
      { text: 'Guide', link: '/guide/principles' },
      { text: 'Roles', link: '/roles/data-scientist' },
      { text: 'Reference', link: '/reference/' },
      { text: "What's new", link: '/reference/whats-new' },
    ],
    sidebar: [guide, adoption, roles, { text: 'Reference', link: '/reference/', items: [] }, ...referenceSidebar()],
    search: { provider: 'local' },
    outline: [2, 3],
    ...(repositoryUrl ? { editLink: { pattern: editLinkPattern(repositoryUrl), text: 'Edit this page' } } : {}),
    lastUpdated: { text: 'Last updated', formatOptions: { dateStyle: 'medium' } },
  },
});
