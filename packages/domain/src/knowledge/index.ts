export * from './article.kinds.js';
export * from './article.status.js';
export * from './article.input.js';
export * from './article.workflow.js';
export * from './article.stale.js';
export * from './kb-kpi.js';
export * from './service-item.import.js';
export * from './gap.js';
