export { sweepClocks, type SweepOptions, type SweepSummary } from './sweep-clocks.js';
