export { fakeGitHost, type FakeHost } from './git-host.js';
export { newMachine, npmConfig, outsideNpm, type UserMachine } from './npm.js';
export { launchChromium, CHROMIUM } from './browser.js';
export { freePort } from './ports.js';
export { publishedVersions, startRegistry, type RegistryOptions, type TestRegistry } from './registry.js';
export { packWorkspaces, publishableWorkspaces, type PackedWorkspace, type Workspace } from './workspaces.js';
export { checkoutRelease, previousRelease, publishRelease, type Release } from './release.js';
export { baseKey, debianBaseImage, debianMirror, type DebianBaseOptions } from './debian-base.js';
export { chrootRun, chrootStart, imageConfig, podmanBuild, withMountedImage, type ChrootRun, type ImageConfig, type Started } from './podman.js';
