export { lookupCase, type LookupCaseInput } from './lookup-case.js';
export { LOOKUP_FAILED_MESSAGE, PUBLIC_LOOKUP_LIMITS, type PublicLookupLimits } from './lookup-limits.js';
export type { PublicCaseView } from './public-case.view.js';
