import { jsonReply } from '@libs/api-gateway';

export const login = async () => jsonReply(200, { ok: true });
export const claimed = async () => jsonReply(200, { claimed: false });
