/** Users (created with their personal tenant by the first successful email code). */

import { iso } from "../../core/time";

export interface UserRow {
  id: string;
  email: string;
  created_at: number;
}

export const userJson = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  created_at: iso(u.created_at),
});
