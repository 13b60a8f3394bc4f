/** Layer rules: dependency arrows point inward (web → API; cli, server → core → domain). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'packages/domain holds pure rules: no I/O, no other workspace package, no npm dependency.',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: '(\\.test\\.ts$|/test-support/)' },
      to: { pathNot: ['^packages/domain/src'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-not-transport',
      comment: 'use cases never import the HTTP server, the CLI or the web UI.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { path: '^packages/(server|cli|web)/' },
    },
    {
      name: 'drivers-only-in-storage',
      comment: 'only storage adapters talk to database drivers.',
      severity: 'error',
      from: { path: '^packages/core/src', pathNot: '^packages/core/src/(storage|test-support)/' },
      to: { path: 'node_modules/(better-sqlite3|pg)/' },
    },
    {
      name: 'server-not-cli-or-web',
      severity: 'error',
      from: { path: '^packages/server/src' },
      to: { path: '^packages/(cli|web)/' },
    },
    {
      name: 'transport-not-storage',
      comment: 'server and cli reach storage only through core use cases.',
      severity: 'error',
      from: { path: '^packages/(server|cli)/src' },
      to: { path: ['node_modules/(kysely|better-sqlite3|pg)/', '^packages/core/src/storage/'] },
    },
    {
      name: 'web-only-domain',
      comment: 'the web UI talks to the API; it may share pure domain descriptors, nothing else.',
      severity: 'error',
      from: { path: '^packages/web/src' },
      to: { path: '^packages/(core|server|cli)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['source', 'import', 'default'] },
  },
};
