import type { Status } from '@huawu/domain';
import type { Schema } from './schema.js';

/** The short form of a work order the intake desk shows: caller history and duplicate candidates. */
export interface OrderBrief {
  id: string;
  orderNo: string;
  status: Status;
  title: string;
  content: string;
  appealType: string;
  category: string | null;
  address: string | null;
  divisionCode: string | null;
  callerPhone: string | null;
  satisfaction: string | null;
  createdAt: string;
}

/** The work_orders columns an OrderBrief is read from. */
export const briefColumns = [
  'id',
  'order_no',
  'status',
  'title',
  'content',
  'appeal_type',
  'category',
  'address',
  'division_code',
  'caller_phone',
  'satisfaction',
  'created_at',
] as const;

type BriefRow = Pick<Schema['work_orders'], (typeof briefColumns)[number]>;

export const toBrief = (r: BriefRow): OrderBrief => ({
  id: r.id,
  orderNo: r.order_no,
  status: r.status as Status,
  title: r.title,
  content: r.content,
  appealType: r.appeal_type,
  category: r.category,
  address: r.address,
  divisionCode: r.division_code,
  callerPhone: r.caller_phone,
  satisfaction: r.satisfaction,
  createdAt: r.created_at,
});
