export { sealArchive, retentionUntil, ARCHIVE_RECORD_FORMAT } from './seal-archive.js';
export {
  type AuditChainReport,
  type ChainBreak,
  type ChainBreakKind,
  type OrderChainReport,
  runAuditVerify,
  verifyAuditChain,
  verifyOrderChain,
} from './verify-audit-chain.js';
export { type ArchiveQuery, searchArchive } from './search-archive.js';
export { getArchiveRecord } from './get-archive-record.js';
export { archiveChainHash, eventHash, sha256Hex } from './event-hash.js';
