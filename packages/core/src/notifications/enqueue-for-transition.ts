import {
  DEFAULT_TEMPLATES,
  type NotificationChannel,
  type NotificationKind,
  notificationRuleFor,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { listUnitsByIds } from '../storage/identity.repository.js';
import { listTemplateOverrides } from '../storage/notification-templates.repository.js';
import { findCentreUnitIds } from '../storage/notifications.repository.js';
import type { Schema } from '../storage/schema.js';
import { listActiveEndpointsFor } from '../storage/webhook-endpoints.repository.js';
import type { OrderUnitRecord, WorkOrderRecord } from '../work-order.record.js';
import { writeNotifications } from './write-notifications.js';

const deadlineFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-30 17:30` in the hotline's zone (one cached formatter per zone). */
export function formatLocalDeadline(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  let format = deadlineFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    deadlineFormats.set(timeZone, format);
  }
  return format.format(new Date(iso)).replace('T', ' ');
}

/** The text of a kind on a channel: the admin's version when there is one, else the default. */
export async function templateTexts(tx: Kysely<Schema>) {
  const overrides = await listTemplateOverrides(tx);
  return (kind: NotificationKind, channel: NotificationChannel) =>
    overrides.find((o) => o.kind === kind && o.channel === channel)?.text ?? DEFAULT_TEMPLATES[kind];
}

/**
 * Writes the notifications of one lifecycle event into the outbox, in the transition's transaction
 * (so a rolled-back transition leaves none): one row per recipient unit and channel. In-app notices
 * are delivered by being written (status sent); webhook and SMS rows wait for `deliverDue`. Each row
 * has a dedupe key (order:seq:kind:recipient:channel), so running this twice adds nothing.
 */
export async function enqueueForTransition(
  tx: Kysely<Schema>,
  e: {
    order: WorkOrderRecord;
    /** The order's unit rows after the transition (the caller holds them). */
    units: readonly OrderUnitRecord[];
    /** The event's parsed input (`unitId` names the recipient of a 下派). */
    input?: Record<string, unknown>;
    event: string;
    seq: number;
    at: string;
    timeZone: string;
  },
): Promise<{ written: number; inAppUnitIds: string[] }> {
  const none = { written: 0, inAppUnitIds: [] };
  const rule = notificationRuleFor(e.event);
  if (!rule || (rule.onlyTo !== undefined && rule.onlyTo !== e.order.status)) return none;
  const { order } = e;
  let recipientIds: string[];
  if (rule.audience === 'centre') recipientIds = await findCentreUnitIds(tx);
  else if (rule.audience === 'lead_unit') recipientIds = order.leadUnitId ? [order.leadUnitId] : [];
  else if (rule.audience === 'input_unit')
    recipientIds = typeof e.input?.unitId === 'string' ? [e.input.unitId] : [];
  else recipientIds = e.units.filter((u) => u.active).map((u) => u.unitId);
  if (recipientIds.length === 0) return none;

  const units = await listUnitsByIds(tx, [
    ...new Set([...recipientIds, ...(order.leadUnitId ? [order.leadUnitId] : [])]),
  ]);
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? null;
  const endpoints = rule.channels.includes('webhook') ? await listActiveEndpointsFor(tx, recipientIds) : [];
  const written = await writeNotifications(tx, {
    kind: rule.kind,
    channels: rule.channels,
    order,
    recipients: recipientIds.map((id) => ({
      unitId: id,
      unitName: rule.audience === 'centre' ? unitName(order.leadUnitId) : unitName(id),
      dutyPhone: units.find((u) => u.id === id)?.dutyPhone ?? null,
    })),
    deadline: formatLocalDeadline(order.deadlineAt, e.timeZone),
    seq: e.seq,
    at: e.at,
    extra: { event: e.event },
    endpoints,
    textOf: await templateTexts(tx),
  });
  // Who to tell after the commit that new in-app notices are waiting (the live bell).
  return { written, inAppUnitIds: rule.channels.includes('in_app') ? recipientIds : [] };
}
