export { activateUnit, createUnit, deactivateUnit, updateUnit } from './manage-units.js';
export type { UnitView } from './unit-view.js';
