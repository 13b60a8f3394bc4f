export * from './accuracy.fields.js';
export * from './accuracy.roles.js';
export * from './accuracy.settings.js';
export * from './accuracy.check.js';
export * from './accuracy.kpi.js';
export * from './accuracy.round.js';
export * from './accuracy.task.js';
export * from './accuracy.plan.js';
