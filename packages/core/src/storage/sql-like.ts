import { sql } from 'kysely';

/**
 * LIKE patterns with the text taken literally: `%`, `_` and `\` in unit ids, keywords or titles are
 * escaped, and the pattern carries its `escape '\'` clause (the same on SQLite and PostgreSQL).
 */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `path%`: a unit path and every path below it (a unit subtree). */
export const subtreePattern = (path: string) => sql<string>`${`${escapeLike(path)}%`} escape '\\'`;

/** `%text%`: the text anywhere. */
export const containsPattern = (text: string) => sql<string>`${`%${escapeLike(text)}%`} escape '\\'`;
