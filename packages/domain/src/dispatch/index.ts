export * from './catalogue.js';
export * from './resolution.js';
