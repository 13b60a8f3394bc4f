/** Helpers shared by the knowledge-base repositories (kb-*.repository.ts). */

/** Runs one statement per slice of `size` items (keeps multi-row statements under driver limits). */
export async function forEachChunk<T>(
  items: readonly T[],
  size: number,
  run: (chunk: readonly T[]) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await run(items.slice(i, i + size));
}

export const parseFieldsJson = (json: string): Record<string, string> => {
  const value = JSON.parse(json) as unknown;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
};

/** Fields as stored: keys sorted, so equal content is equal text. */
export const fieldsJson = (fields: Record<string, string>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1))));
