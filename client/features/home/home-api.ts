/** Where the signed-in person's work is (GET /api/me/work), for choosing their home. */
import type { MyWork } from '../../../shared/schemas/people.ts';
import { request } from '../../api.ts';

export const homeApi = {
  myWork: () => request<MyWork>('GET', '/api/me/work'),
};
