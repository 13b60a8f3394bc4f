export * from './clock-ladder.js';
export * from './desired-clocks.js';
