import type { Migration } from 'kysely';
import * as initial from './2026-11-28T00-initial.js';
import * as knowledge from './2026-11-28T01-knowledge.js';
import * as intake from './2026-11-28T02-intake.js';
import * as accuracy from './2026-11-28T03-accuracy.js';
import * as dispatch from './2026-11-28T04-dispatch.js';
import * as notifications from './2026-11-28T05-notifications.js';
import * as dispatchNetwork from './2026-11-28T06-dispatch-network.js';
import * as deskIndexes from './2026-11-28T07-desk-indexes.js';
import * as unitContacts from './2026-11-28T08-unit-contacts.js';
import * as closure from './2026-11-29T09-closure.js';
import * as eventChain from './2026-11-29T10-event-chain.js';
import * as publicLookup from './2026-11-29T11-public-lookup.js';
import * as closureQueueIndexes from './2026-11-29T12-closure-queue-indexes.js';

/** Every migration, keyed by an ISO-timestamped name; Kysely applies them in name order. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-28T00-initial': initial,
  '2026-11-28T01-knowledge': knowledge,
  '2026-11-28T02-intake': intake,
  '2026-11-28T03-accuracy': accuracy,
  '2026-11-28T04-dispatch': dispatch,
  '2026-11-28T05-notifications': notifications,
  '2026-11-28T06-dispatch-network': dispatchNetwork,
  '2026-11-28T07-desk-indexes': deskIndexes,
  '2026-11-28T08-unit-contacts': unitContacts,
  '2026-11-29T09-closure': closure,
  '2026-11-29T10-event-chain': eventChain,
  '2026-11-29T11-public-lookup': publicLookup,
  '2026-11-29T12-closure-queue-indexes': closureQueueIndexes,
};
