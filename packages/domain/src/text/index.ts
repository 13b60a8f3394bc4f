export * from './chinese-text.js';
