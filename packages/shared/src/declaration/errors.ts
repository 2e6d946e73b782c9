import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini carries no messages of its own: every issue a declaration reports is worded in English.
z.config(en());

/** A declaration that cannot be synthesised; each issue names the field it is about. */
export class DeclarationError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid ai-factory declaration:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`);
    this.name = 'DeclarationError';
  }
}

/** Parses a builder's input, reporting problems as `builder.field: message`. */
export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DeclarationError(
    result.error.issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message })),
  );
}
