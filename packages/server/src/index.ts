export { buildApp, type AppOptions } from './app.js';
export { startServer, type ServeOptions, type RunningServer } from './serve.js';
export { ERROR_STATUS } from './http/error-status.js';
