export { planAccuracyRound } from './plan-round.js';
export {
  getRound as getAccuracyRound,
  listAccuracyRounds,
  type RoundDetail,
  type RoundListQuery,
} from './get-round.js';
export { actOnAccuracyRound } from './act-on-round.js';
export { getAccuracyItem, type AccuracyItemDetail } from './get-item.js';
export { recordAccuracyCheck } from './record-check.js';
export { listGuideCandidates, listAccuracyCheckers } from './list-candidates.js';
export {
  getRoundReport,
  getPeriodReport,
  exportRoundReport,
  type AccuracyReport,
} from './accuracy-report.js';
export { getCorrectionTask, listCorrectionTasks, type TaskListQuery } from './get-task.js';
export { actOnCorrectionTask, type TaskActionRequest } from './act-on-task.js';
export { getAccuracySettings, putAccuracySettings } from './accuracy-settings.js';
export type { CheckView, RoundSummary, TaskDetail, TaskSummary } from './accuracy.views.js';
