import type { Role } from './roles.js';

/**
 * Who sees a caller's contact details. Centre roles that talk to the caller see them; handling units
 * see them only on non-confidential orders (they may need to call); everyone else sees a masked number.
 */
export type CallerVisibility = 'full' | 'masked' | 'hidden';

export function callerVisibility(role: Role, confidential: boolean): CallerVisibility {
  switch (role) {
    case 'agent':
    case 'callback':
    case 'reviewer':
    case 'supervisor':
    case 'admin':
      return 'full';
    case 'unit_handler':
    case 'unit_admin':
      return confidential ? 'hidden' : 'full';
    case 'dispatcher':
    case 'inspector':
      return confidential ? 'hidden' : 'masked';
  }
}

/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length > 4) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return '****';
}

/** 张三 → 张*; 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
