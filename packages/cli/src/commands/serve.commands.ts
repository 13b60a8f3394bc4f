import { createCore, prepareDatabase, seedDemo } from '@huawu/core';
import { startServer } from '@huawu/server';
import type { Command } from 'commander';
import { WEB_ROOT, databaseUrl, redact } from '../settings.js';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('启动 API 与网页界面 (start the API and web UI); migrates and loads the demo on first start')
    .option('-p, --port <port>', 'port (env PORT)', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to listen on (env HOST)', process.env.HOST ?? 'localhost')
    .option('--no-demo', 'do not load the demo city into an empty database')
    .action(async (opts: { port: string; host: string; demo: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        program.error(`invalid port: ${opts.port}`);
      }
      const url = databaseUrl(program.opts().database);
      const server = await startServer({
        databaseUrl: url,
        port,
        host: opts.host,
        webRoot: WEB_ROOT,
        demo: opts.demo,
        logLevel: process.env.LOG_LEVEL ?? 'info',
      });
      const shown = server.url.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
      console.log(`\n话务 Huawu 已启动: ${shown}  (database: ${redact(url)})`);
      if (server.demo?.created) console.log(`已加载演示数据：${server.demo.orders} 张工单`);
      if (server.demo) {
        console.log('演示账号 (demo logins):');
        for (const l of server.demo.logins)
          console.log(`  ${l.username.padEnd(12)} ${l.password}  ${l.displayName}`);
      }
      console.log(`API 文档: ${shown}/api/docs\n`);
      const shutdown = (signal: string) => {
        server.app.log.info({ signal }, 'shutting down');
        server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });

  program
    .command('migrate')
    .description('迁移数据库到最新版本 (apply database migrations)')
    .action(async () => {
      const core = createCore({ databaseUrl: databaseUrl(program.opts().database) });
      try {
        const result = await prepareDatabase(core);
        console.log(
          result.migrations.length ? `applied: ${result.migrations.join(', ')}` : 'database is up to date',
        );
        if (result.calendarYears.length)
          console.log(`holiday calendar loaded: ${result.calendarYears.join(', ')}`);
      } finally {
        await core.close();
      }
    });

  program
    .command('demo')
    .description('载入演示城市 (load the demo city into an empty database)')
    .action(async () => {
      const core = createCore({ databaseUrl: databaseUrl(program.opts().database) });
      try {
        await prepareDatabase(core);
        const result = await seedDemo(core);
        console.log(
          result.created
            ? `demo loaded: ${result.orders} orders`
            : 'database already has users; demo not loaded',
        );
        for (const l of result.logins)
          console.log(`  ${l.username.padEnd(12)} ${l.password}  ${l.displayName}`);
      } finally {
        await core.close();
      }
    });
}
