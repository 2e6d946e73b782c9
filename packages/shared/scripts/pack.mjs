// Leaves this package's `npm pack` tarball in .pack/: a factory run from a source checkout vendors it into
// the projects it generates, since this release is in no registry yet (templates/platform/shared).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

rmSync('.pack', { recursive: true, force: true });
mkdirSync('.pack');
execFileSync('npm', ['pack', '--silent', '--pack-destination', '.pack'], { stdio: ['ignore', 'ignore', 'inherit'] });
