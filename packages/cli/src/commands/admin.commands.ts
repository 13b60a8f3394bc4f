import { readFileSync } from 'node:fs';
import { AppError, addUser, getCalendarYear, importHolidayCnYear, resetPassword } from '@huawu/core';
import { ROLES } from '@huawu/domain';
import type { Command } from 'commander';
import { withCore } from './command-support.js';

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', `无法读取文件：${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw AppError.validation('file', `不是有效的 JSON：${(e as Error).message}`);
  }
}

export function registerAdminCommands(program: Command): void {
  const user = program.command('user').description('账号管理 (accounts)');
  user
    .command('add')
    .description('新增账号 (add an account)')
    .requiredOption('-u, --username <name>', 'username')
    .requiredOption('-p, --password <password>', 'password (≥ 8 characters, letters and digits)')
    .requiredOption('-r, --role <role>', `role: ${ROLES.join(' | ')}`)
    .requiredOption('--unit <unitId>', 'unit id (centre roles: the centre; unit roles: a handling unit)')
    .option('-n, --name <displayName>', 'display name')
    .action(async (o: { username: string; password: string; role: string; unit: string; name?: string }) => {
      const created = await withCore(program, (core) =>
        addUser(core, null, {
          username: o.username,
          password: o.password,
          role: o.role,
          unitId: o.unit,
          displayName: o.name,
        }),
      );
      console.log(`created user ${created.username} (${created.role}) in ${created.unitId}`);
    });
  user
    .command('reset-password')
    .description('重置密码并注销其所有会话 (reset a password; ends all sessions)')
    .requiredOption('-u, --username <name>', 'username')
    .requiredOption('-p, --password <password>', 'new password')
    .action(async (o: { username: string; password: string }) => {
      await withCore(program, (core) => resetPassword(core, null, o));
      console.log(`password reset for ${o.username}`);
    });

  const calendar = program.command('calendar').description('工作日历 (working-day calendar)');
  calendar
    .command('import <file>')
    .description('导入 holiday-cn 格式的年度节假日 JSON (import a holiday-cn year file)')
    .action(async (file: string) => {
      const json = readJson(file);
      const result = await withCore(program, (core) => importHolidayCnYear(core, null, json, `file:${file}`));
      console.log(`imported ${result.year}: ${result.days.length} days`);
    });
  calendar
    .command('show <year>')
    .description('显示某年的节假日与调休 (show holidays and make-up working days)')
    .action(async (yearText: string) => {
      if (!/^\d{4}$/.test(yearText)) throw AppError.validation('year', '年份应为四位数字');
      const result = await withCore(program, (core) => getCalendarYear(core, Number(yearText)));
      if (!result.hasData) {
        throw new AppError(
          'NOT_FOUND',
          `${result.year} 年无节假日数据 (no holiday data)：期限按周末计算；请用 \`huawu calendar import FILE\` 导入`,
        );
      }
      for (const d of result.days) console.log(`${d.date}  ${d.kind === 'holiday' ? '休' : '班'}  ${d.name}`);
    });
}
