export * from './catalogue.js';
export * from './resolution.js';
export * from './unit-kpi.js';
