/**
 * Migration 6: the form an amendment came from (sửa đổi, bổ sung kế hoạch, issue 11). The staff page sends each
 * rendered form with its own idempotency key (`_request`); kept on the version the amendment made, a form sent
 * twice (a double click, a browser retry) finds the amendment it already made instead of making a second one,
 * also after a restart. Null for versions made otherwise (issue, import, the demo).
 * Frozen once released: change the schema with a new migration, never by editing this one.
 */
export const version = 6;
export const name = 'plan_amendment_requests';

export const sql = `
ALTER TABLE plan_versions ADD COLUMN amend_request text;
-- One amendment per form and plan; a second insert with the same key is the same form sent again.
CREATE UNIQUE INDEX plan_versions_amend_request_idx ON plan_versions (plan_id, amend_request)
  WHERE amend_request IS NOT NULL;
`;
