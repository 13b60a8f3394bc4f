import type { ReviewCheck } from '@huawu/domain';

/** The order's 回复 / 回访 / 办结 / 申诉 (the detail's `closure`, core views/order-closure.view.ts). */
export interface OrderClosure {
  unitReply: {
    at: string;
    result: string;
    resultLabel: string;
    publicReply: string;
    policyBasis: string | null;
    unresolvedReason: string | null;
    rightChannel: string | null;
    signedOffBy: string | null;
    unitName: string | null;
  } | null;
  /** Centre roles only (they name the caller). */
  scripts: { reply: { phone: string[]; sms: string } | null; callback: string[] } | null;
  callbackRequired: boolean;
  callerRepliedAt: string | null;
  callback: {
    attempts: number;
    lastAttemptAt: string | null;
    unreachableAfterAttempts: number;
    attemptGapMinutes: number;
    satisfaction: string | null;
    satisfactionLabel: string | null;
    resolved: string | null;
    resolvedLabel: string | null;
  };
  closeReason: string | null;
  closeReasonLabel: string | null;
  appeal: { status: string; statusLabel: string; deadlineAt: string | null; windowOpen: boolean };
  reviewChecklist: ReviewCheck[];
}
