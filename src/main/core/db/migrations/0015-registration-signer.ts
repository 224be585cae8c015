import type { Migration } from '../migrate';

/**
 * The signer of a Bản đăng ký thi đua (issue 14): authority line, title and name of the registering unit's
 * head, kept on the registration (owned by the unit, so it travels up with it). Existing registrations of
 * the office itself take the office's signer; a lower unit's stay blank, and the document then prints the
 * usual "TM. BAN CHẤP HÀNH / CHỦ TỊCH" until the clerk types the name.
 */
export const m0015: Migration = {
  version: 15,
  name: 'registration-signer',
  up(db) {
    db.exec(`
      ALTER TABLE registrations ADD COLUMN signer_authority TEXT NOT NULL DEFAULT '';
      ALTER TABLE registrations ADD COLUMN signer_title TEXT NOT NULL DEFAULT '';
      ALTER TABLE registrations ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';
      UPDATE registrations
         SET signer_authority = (SELECT signer_authority FROM office),
             signer_title = (SELECT signer_title FROM office),
             signer_name = (SELECT signer_name FROM office)
       WHERE organization_id = (SELECT organization_id FROM office);
    `);
  },
};
