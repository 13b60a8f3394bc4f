import { api, buildQuery, download, send } from './client';

/** 办理记录 and 附件 of a work order. */

export interface WorkNote {
  id: string;
  orderId: string;
  unitId: string;
  unitName: string | null;
  authorId: string;
  authorName: string | null;
  text: string;
  createdAt: string;
}

export type AttachmentVisibility = 'internal' | 'public';

export interface Attachment {
  id: string;
  orderId: string;
  unitId: string;
  unitName: string | null;
  uploadedBy: string;
  uploaderName: string | null;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  visibility: AttachmentVisibility;
  createdAt: string;
}

const base = (orderId: string) => `/api/work-orders/${encodeURIComponent(orderId)}`;

export const listNotes = (orderId: string) => api.get<{ items: WorkNote[] }>(`${base(orderId)}/notes`);

export const addNote = (orderId: string, text: string) =>
  api.post<WorkNote>(`${base(orderId)}/notes`, { text });

export const listAttachments = (orderId: string) =>
  api.get<{ items: Attachment[] }>(`${base(orderId)}/attachments`);

/** Sends the file's raw bytes; name and visibility travel in the query. */
export async function uploadAttachment(
  orderId: string,
  file: Blob,
  fileName: string,
  visibility: AttachmentVisibility,
): Promise<Attachment> {
  const response = await send(`${base(orderId)}/attachments${buildQuery({ fileName, visibility })}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  return (await response.json()) as Attachment;
}

export const downloadAttachment = (orderId: string, attachment: Pick<Attachment, 'id' | 'fileName'>) =>
  download(`${base(orderId)}/attachments/${encodeURIComponent(attachment.id)}`, attachment.fileName);
