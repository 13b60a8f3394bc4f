export * from './closure-policy.js';
export * from './callback-rules.js';
export * from './reply-scripts.js';
