import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE, synthesize, type ProjectDeclaration } from '@ai-factory/shared';
import { createJiti } from 'jiti';
import { describeModule } from '../../module-testing.js';

const jiti = createJiti(import.meta.url, {
  fsCache: false,
  alias: { '@ai-factory/shared': fileURLToPath(new URL('../../../packages/shared/dist/index.js', import.meta.url)) },
});

// The config the module prints must evaluate to the declaration its managed files were synthesized from.
describeModule(import.meta.url, async (files) => {
  const file = join(mkdtempSync(join(tmpdir(), 'platform-shared-')), CONFIG_FILE);
  writeFileSync(file, files.get(CONFIG_FILE)!);
  const declaration = await jiti.import<ProjectDeclaration>(file, { default: true });
  return synthesize(declaration)
    .filter((artifact) => files.get(artifact.path) !== artifact.content)
    .map((artifact) => `${artifact.path} differs from what its config synthesizes`);
});
