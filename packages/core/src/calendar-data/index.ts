import y2024 from './2024.json' with { type: 'json' };
import y2025 from './2025.json' with { type: 'json' };
import y2026 from './2026.json' with { type: 'json' };

/** Holiday years shipped with Huawu (holiday-cn, MIT — see LICENSE.holiday-cn beside this file). */
export const BUNDLED_HOLIDAY_YEARS: readonly unknown[] = [y2024, y2025, y2026];
