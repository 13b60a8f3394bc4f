export * from './local-date.js';
export * from './holiday-schedule.js';
export * from './working-days.js';
export * from './working-hours.js';
export * from './deadline-policy.js';
export * from './deadline.js';
