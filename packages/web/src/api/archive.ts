import type { AppealType } from '@huawu/domain';
import { api, buildQuery } from './client';

/** Shapes of the archive API (docs/ARCHIVE.md). */

export interface ArchiveQuery {
  q?: string;
  appealType?: string;
  from?: string;
  to?: string;
  expired?: boolean;
  page?: number;
  pageSize?: number;
}

export interface ArchiveRow {
  orderId: string;
  orderNo: string;
  title: string;
  appealType: AppealType;
  confidential: boolean;
  leadUnitId: string | null;
  leadUnitName: string | null;
  archiveSeq: number;
  archivedAt: string;
  retentionUntil: string;
}

export interface ArchivePage {
  items: ArchiveRow[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export type ChainBreakKind =
  | 'event_hash'
  | 'prev_link'
  | 'missing_hash'
  | 'event_tail'
  | 'archive_record'
  | 'archive_head'
  | 'archive_link';

export interface ChainBreak {
  orderNo: string;
  orderId: string;
  seq?: number;
  archiveSeq?: number;
  kind: ChainBreakKind;
  message: string;
}

export interface OrderChainReport {
  ok: boolean;
  eventsChecked: number;
  archived: boolean;
  firstBreak?: ChainBreak;
}

export interface AuditChainReport {
  ok: boolean;
  ordersChecked: number;
  eventsChecked: number;
  archivesChecked: number;
  breaks: number;
  firstBreak?: ChainBreak;
}

export interface ArchiveRecordView {
  orderId: string;
  orderNo: string;
  archiveSeq: number;
  archivedAt: string;
  archivedBy: string;
  appealType: AppealType;
  retentionUntil: string;
  headEventSeq: number;
  headEventHash: string;
  recordHash: string;
  prevArchiveHash: string;
  chainHash: string;
  /** The caller fields are shown masked for this reader (the sealed text itself is unchanged). */
  masked: boolean;
  record: {
    events?: { seq: number; event: string; at: string; actorName: string | null; hash: string }[];
    attachments?: { fileName: string; size: number; sha256: string }[];
    notesCount?: number;
  } & Record<string, unknown>;
  verification: OrderChainReport;
}

export const searchArchive = (query: ArchiveQuery) =>
  api.get<ArchivePage>(
    `/api/archive${buildQuery({ ...query, expired: query.expired ? 'true' : undefined })}`,
  );

export const fetchArchiveRecord = (orderId: string) =>
  api.get<ArchiveRecordView>(`/api/archive/${encodeURIComponent(orderId)}`);

export const verifyAuditChain = () => api.get<AuditChainReport>('/api/admin/audit/verify');
