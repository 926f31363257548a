import type { Migration } from './migration';

/**
 * Adds the conversation's external tag (a CRM or ticket reference supervisors search by) as a flat column,
 * backfilled from the detail JSON already cached, so nothing has to be downloaded again.
 */
export const migration0002: Migration = {
  id: 2,
  name: 'external-tag',
  sql: `
ALTER TABLE conversations ADD COLUMN external_tag TEXT;
UPDATE conversations
   SET external_tag = (
     SELECT CASE WHEN json_valid(d.detail_json) THEN json_extract(d.detail_json, '$.externalTag') END
       FROM conversation_details d WHERE d.id = conversations.id
   );
`,
};
