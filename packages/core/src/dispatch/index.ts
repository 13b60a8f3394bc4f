export {
  listDispatchCatalogue,
  createDispatchEntry,
  updateDispatchEntryById,
  deactivateDispatchEntry,
} from './manage-catalogue.js';
export { suggestForOrder } from './suggest-dispatch.js';
export { listDispatchOverrides } from './dispatch-overrides.js';
