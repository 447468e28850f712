import { ROLES } from '@/db/schema/user-roles';

export const ROLE_MESSAGE_KEYS = { admin: 'roleAdmin', analyst: 'roleAnalyst', viewer: 'roleViewer' } as const;
export { ROLES };
