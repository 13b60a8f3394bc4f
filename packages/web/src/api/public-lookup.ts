import type { PublicPhase, PublicStep } from '@huawu/domain';
import { api } from './client';

/** The citizen's view of their own case (POST /api/public/lookup, no session; docs/PUBLIC-LOOKUP.md). */
export interface PublicCase {
  orderNo: string;
  phase: PublicPhase;
  phaseLabel: string;
  appealType: string;
  appealTypeLabel: string;
  title: string;
  createdAt: string;
  /** Local date YYYY-MM-DD, only while the case is being handled. */
  expectedBy: string | null;
  handlingUnit: string | null;
  reply: { text: string; at: string } | null;
  steps: { step: PublicStep; label: string; at: string }[];
}

export const lookupPublicCase = (orderNo: string, phoneLast4: string) =>
  api.post<PublicCase>('/api/public/lookup', { orderNo, phoneLast4 });
