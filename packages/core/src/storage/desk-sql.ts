import { type RawBuilder, sql } from 'kysely';

/**
 * Clock colour at `now` in SQL — the rule of domain `stageAt`/`clockColour` as `clockView` applies it:
 * a paused clock keeps its stored stage; a running one is red once its deadline has passed and yellow
 * once its warning instant has, whatever the (possibly lagging) sweeper stored. (A running clock's
 * stored stage never runs ahead of time: the sweeper only applies due steps and re-arming resets it.)
 * The running part is a range on due_at, so queries page in index order. `a` is a fixed table alias.
 */
export type DeskColour = 'red' | 'yellow' | 'green';
export const DESK_COLOURS: readonly DeskColour[] = ['red', 'yellow', 'green'];

const col = (a: string, c: string) => sql.ref(`${a}.${c}`);

/** Running clocks of one colour (callers add `paused_at IS NULL`). */
export function runningColourIs(a: string, colour: DeskColour, now: string): RawBuilder<boolean> {
  if (colour === 'red') return sql<boolean>`${col(a, 'due_at')} < ${now}`;
  if (colour === 'yellow')
    return sql<boolean>`(${col(a, 'due_at')} >= ${now} AND ${col(a, 'warn_at')} <= ${now})`;
  return sql<boolean>`(${col(a, 'due_at')} >= ${now} AND ${col(a, 'warn_at')} > ${now})`;
}

/** Paused clocks of one colour (by stored stage; callers add `paused_at IS NOT NULL`). */
export function pausedColourIs(a: string, colour: DeskColour): RawBuilder<boolean> {
  if (colour === 'red') return sql<boolean>`${col(a, 'stage')} >= 2`;
  if (colour === 'yellow') return sql<boolean>`${col(a, 'stage')} = 1`;
  return sql<boolean>`${col(a, 'stage')} = 0`;
}

/** 0 red, 1 yellow, 2 green: the smaller, the more urgent. */
export function colourRank(a: string, now: string): RawBuilder<number> {
  return sql<number>`(CASE WHEN ${col(a, 'paused_at')} IS NULL THEN
    (CASE WHEN ${col(a, 'due_at')} < ${now} THEN 0 WHEN ${col(a, 'warn_at')} <= ${now} THEN 1 ELSE 2 END)
    ELSE (CASE WHEN ${col(a, 'stage')} >= 2 THEN 0 WHEN ${col(a, 'stage')} = 1 THEN 1 ELSE 2 END) END)`;
}
