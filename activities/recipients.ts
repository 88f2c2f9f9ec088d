/** Turns the workflow's recipients (a role in a unit, or a named user) into e-mail addresses from the directory. */
import type { Recipient } from '../domain/nomination/types.js';
import { getUser, usersByRole, type SqlSession } from '../store/index.js';

export async function resolveEmails(db: SqlSession, recipients: Recipient[]): Promise<string[]> {
  const emails = new Set<string>();
  for (const recipient of recipients) {
    if ('userId' in recipient) {
      const user = await getUser(db, recipient.userId);
      if (user?.email) emails.add(user.email);
    } else {
      for (const user of await usersByRole(db, recipient.role, { unitId: recipient.unitId })) {
        if (user.email) emails.add(user.email);
      }
    }
  }
  return [...emails].sort();
}
