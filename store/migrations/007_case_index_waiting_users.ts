/**
 * Migration 7: the people a case waits on by name, when its role and unit are not enough. A council vote waits on
 * the council's unit, but only on the members who have not voted yet: a member who voted has nothing left to do
 * on it, and their inbox must not list it. NULL: everyone of the role in the unit.
 */
export const version = 7;
export const name = 'case_index_waiting_users';

export const sql = `
ALTER TABLE case_index ADD COLUMN waiting_users text[];
`;
