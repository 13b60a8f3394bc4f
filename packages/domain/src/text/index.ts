export * from './chinese-text.js';
export * from './query-text.js';
export * from './similarity.js';
export * from './spreadsheet-cell.js';
