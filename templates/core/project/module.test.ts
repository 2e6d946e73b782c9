import { parse } from 'yaml';
import { describeModule } from '../../module-testing.js';

describeModule(import.meta.url, (files) => {
  const entity = parse(files.get('catalog-info.yaml') ?? '') as { metadata?: { name?: string }; spec?: { owner?: string } };
  return [
    ...(entity.metadata?.name === 'module-test' ? [] : ['catalog-info.yaml does not name the project']),
    ...(entity.spec?.owner ? [] : ['catalog-info.yaml has no owner']),
    ...(files.get('.gitignore')?.includes('node_modules') ? [] : ['.gitignore does not ignore node_modules']),
  ];
});
