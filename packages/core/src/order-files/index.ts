export { listOrderNotes, addOrderNote } from './work-notes.js';
export { listOrderAttachments, uploadOrderAttachment, downloadOrderAttachment } from './attachments.js';
export { WORK_NOTE_FIELDS } from './work-note-input.js';
export {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  ATTACHMENT_VISIBILITIES,
  type AttachmentVisibility,
} from './attachment-types.js';
export type { AttachmentMeta, WorkNoteRow } from '../storage/order-files.repository.js';
