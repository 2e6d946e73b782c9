export { fakeGitHost, type FakeHost } from './git-host.js';
export { newMachine, npmConfig, outsideNpm, type UserMachine } from './npm.js';
export { launchChromium, CHROMIUM } from './browser.js';
export { freePort } from './ports.js';
export { HEAVY_MODULES, modulesLoadedBy } from './loaded-modules.js';
export { publishedVersions, startRegistry, type RegistryOptions, type TestRegistry } from './registry.js';
export { packWorkspaces, publishableWorkspaces, type PackedWorkspace, type Workspace } from './workspaces.js';
export { checkoutRelease, previousRelease, publishRelease, type Release } from './release.js';
