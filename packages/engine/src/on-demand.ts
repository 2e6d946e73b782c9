/**
 * Packages the engine needs only on some paths (the Handlebars compiler, degit, the yaml parser), required the
 * first time one is used and kept: a bundle of the engine that generates projects (create-ml-project) never
 * starts them. They resolve from the dependencies of whatever holds this code, the engine or that bundle.
 */
import { createRequire } from 'node:module';

/** A getter that requires `name` synchronously on its first call and returns the same module on every call. */
export function onDemand<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(import.meta.url)(name) as T);
}
