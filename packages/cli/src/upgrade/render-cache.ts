/**
 * The new release's render for a project's answers, kept for the next repositories with the same answers.
 * A fleet's repositories made from one preset with the same answers differ only in their teams' edits, and
 * rendering them is the same work each time. Only the most recently used few are kept, so a fleet whose
 * answers all differ keeps its memory flat.
 */
import { generateProject, type Answers, type Catalog, type Generated } from '@ai-factory/engine';

export class RenderCache {
  readonly #renders = new Map<string, { catalog: Catalog; generated: Generated }>();

  /** @param size how many renders are kept @default 4 */
  constructor(readonly size = 4) {}

  /**
   * `generateProject(catalog, answers)`, rendered once per catalog and answers. The render is shared: read it, never change it.
   * @example cache.render(context.catalog, manifest.answers).tree
   */
  render(catalog: Catalog, answers: Answers): Generated {
    const key = JSON.stringify(answers);
    const kept = this.#renders.get(key);
    this.#renders.delete(key);
    const entry = kept?.catalog === catalog ? kept : { catalog, generated: generateProject(catalog, answers) };
    // Re-inserted last: a Map iterates in insertion order, so the first key is the least recently used.
    this.#renders.set(key, entry);
    if (this.#renders.size > this.size) this.#renders.delete(this.#renders.keys().next().value!);
    return entry.generated;
  }
}
