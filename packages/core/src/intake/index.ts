export type { CallView } from './call-event-bus.js';
export { toCallView } from './post-cti-event.js';
export { postCtiEvent, isCtiToken, type CtiPoster } from './post-cti-event.js';
export { listCurrentCalls } from './list-current-calls.js';
export { getCallerHistory } from './get-caller-history.js';
export { setCallerFlag } from './set-caller-flag.js';
export { listCallerFlags } from './list-caller-flags.js';
export { checkIntake } from './check-intake.js';
export { takeCall, INTAKE_DECISIONS } from './take-call.js';
export { linkOrders } from './link-orders.js';
export { listPhrases, createPhrase, updatePhrase } from './manage-phrases.js';
export { listScopeRules, createScopeRule, updateScopeRule } from './manage-scope-rules.js';
export {
  listCategories,
  importCategories,
  exportCategories,
  updateCategoryEntry,
  CATEGORY_IMPORT_MAX_BYTES,
} from './manage-categories.js';
export { seedIntakeDefaults } from './seed-intake-defaults.js';
export type { DupCandidate } from './find-duplicates.js';
