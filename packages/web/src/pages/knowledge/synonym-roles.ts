import { kbMayEditSynonyms } from '@huawu/domain';
import type { User } from '../../api/types';

/** The centre's editors (supervisor, admin) maintain the synonym dictionary (同义词 tab). */
export const canEditSynonyms = (user: User) =>
  kbMayEditSynonyms({ userId: user.id, role: user.role, unitId: user.unitId });
