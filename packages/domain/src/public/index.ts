export * from './public-phase.js';
export * from './public-steps.js';
export * from './public-lookup-input.js';
