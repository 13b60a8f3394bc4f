export * from './unit-rules.js';
