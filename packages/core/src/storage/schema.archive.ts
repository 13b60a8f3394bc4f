/**
 * Archive tables (issue 5, migration 2026-11-29T10): the hash-chained event log and sealed archive
 * records (归档). Both tables are append-only (database triggers refuse UPDATE and DELETE).
 */

/** One sealed archive record per archived order; `archive_seq` orders all of them globally. */
export interface OrderArchivesTable {
  order_id: string;
  archive_seq: number;
  archived_at: string;
  archived_by: string;
  appeal_type: string;
  /** archived_at + the closure policy's retention years for the appeal type (保管期限). */
  retention_until: string;
  /** The order's last timeline event when sealed (the `archive` event itself). */
  head_event_seq: number;
  head_event_hash: string;
  /** JSON text of the whole case, as sealed. */
  record: string;
  /** SHA-256 of `record`. */
  record_hash: string;
  /** record_hash of archive_seq − 1 ('' for the first). */
  prev_archive_hash: string;
  /** sha256(prev_archive_hash + record_hash). */
  chain_hash: string;
}

export interface ArchiveSchema {
  order_archives: OrderArchivesTable;
}
