import type { z } from 'zod';
import { InvalidStoreDataError } from '@/lib/store-data/types';

/** `schema.parse(data)`, failing with every issue and where it is. */
export function parseStoreData<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new InvalidStoreDataError(
    what,
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}
