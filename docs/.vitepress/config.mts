/**
 * The playbook site. The reference section and its sidebar are generated from the factory's code by
 * scripts/docs/generate.mjs, so a new module, preset or command appears here with no edit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type DefaultTheme } from 'vitepress';

const SIDEBAR_DATA = new URL('../reference/sidebar.json', import.meta.url);

function referenceSidebar(): DefaultTheme.SidebarItem[] {
  if (!existsSync(SIDEBAR_DATA)) {
    throw new Error('docs/reference/ is not generated: run `npm run build && node scripts/docs/generate.mjs` (npm run docs:build does both steps after the build).');
  }
  return JSON.parse(readFileSync(SIDEBAR_DATA, 'utf8')) as DefaultTheme.SidebarItem[];
}

const guide: DefaultTheme.SidebarItem = {
  text: 'Guide',
  items: [
    { text: 'MLOps principles', link: '/guide/principles' },
    { text: 'Maturity levels', link: '/guide/maturity' },
    { text: 'From exploration to production', link: '/guide/lifecycle' },
    { text: 'Champion/challenger promotion', link: '/guide/champion-challenger' },
    { text: 'Drift and retraining', link: '/guide/drift' },
    { text: 'Responsible AI before promotion', link: '/guide/responsible-ai' },
    { text: 'Environments and promotion', link: '/guide/environments' },
    { text: 'Upgrading a fleet', link: '/guide/fleet' },
  ],
};

const roles: DefaultTheme.SidebarItem = {
  text: 'Roles',
  items: [
    { text: 'Data scientist', link: '/roles/data-scientist' },
    { text: 'Data engineer', link: '/roles/data-engineer' },
    { text: 'ML engineer', link: '/roles/ml-engineer' },
    { text: 'Model validator', link: '/roles/model-validator' },
    { text: 'Platform team', link: '/roles/platform-team' },
  ],
};

export default defineConfig({
  title: 'AI Factory playbook',
  description: 'How to take a machine learning use case from exploration to production with AI Factory.',
  cleanUrls: true,
  // The site is served from disk and from `ai-factory docs`; nothing may be fetched at build or view time.
  lastUpdated: false,
  markdown: {
    config(md) {
      // Vue would evaluate `{{ }}` in inline code (templates and alert rules are full of it); v-pre stops that.
      const render = md.renderer.rules.code_inline!;
      md.renderer.rules.code_inline = (tokens, idx, options, env, self) => {
        tokens[idx]!.attrSet('v-pre', '');
        return render(tokens, idx, options, env, self);
      };
    },
  },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/principles' },
      { text: 'Roles', link: '/roles/data-scientist' },
      { text: 'Reference', link: '/reference/' },
    ],
    sidebar: [guide, roles, { text: 'Reference', link: '/reference/', items: [] }, ...referenceSidebar()],
    search: { provider: 'local' },
    outline: [2, 3],
  },
});
