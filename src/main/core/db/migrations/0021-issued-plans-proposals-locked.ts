import type { Migration } from '../migrate';

/** The issuer is this office (as in 0009): a received plan or tờ trình may still be removed by undoing its import. */
const NOT_FOREIGN = (issuer: string) => `NOT EXISTS (SELECT 1 FROM office WHERE organization_id <> ${issuer})`;

/**
 * Issued plans and tờ trình are locked in the database, as decisions, reports and general documents already
 * are: the services refuse to edit them (assertDraft) and the exchange refuses packages that would, and these
 * triggers hold the same line against any other path (a bug, a raw write). A change after issue is a new
 * document. Deleting (and a list written after its tờ trình) is refused only for this office's own documents:
 * a package writes a received tờ trình and then its list, and undoing an import removes a received one.
 */
export const m0021: Migration = {
  version: 21,
  name: 'issued-plans-proposals-locked',
  up(db) {
    db.exec(`
      CREATE TRIGGER plans_locked BEFORE UPDATE ON plans WHEN OLD.status = 'issued' BEGIN
        SELECT RAISE(ABORT, 'Kế hoạch đã ban hành không thể sửa; hãy nhân bản thành dự thảo mới');
      END;
      CREATE TRIGGER plans_no_delete BEFORE DELETE ON plans
        WHEN OLD.status = 'issued' AND ${NOT_FOREIGN('OLD.issuer_id')} BEGIN
        SELECT RAISE(ABORT, 'Kế hoạch đã ban hành không thể xóa');
      END;
      CREATE TRIGGER commendation_proposals_locked BEFORE UPDATE ON commendation_proposals WHEN OLD.status = 'issued' BEGIN
        SELECT RAISE(ABORT, 'Tờ trình đã ban hành không thể sửa');
      END;
      CREATE TRIGGER commendation_proposals_no_delete BEFORE DELETE ON commendation_proposals
        WHEN OLD.status = 'issued' AND ${NOT_FOREIGN('OLD.issuer_id')} BEGIN
        SELECT RAISE(ABORT, 'Tờ trình đã ban hành không thể xóa');
      END;
      CREATE TRIGGER commendation_proposal_items_locked_insert BEFORE INSERT ON commendation_proposal_items
        WHEN (SELECT status FROM commendation_proposals WHERE id = NEW.proposal_id) = 'issued'
         AND ${NOT_FOREIGN('(SELECT issuer_id FROM commendation_proposals WHERE id = NEW.proposal_id)')} BEGIN
        SELECT RAISE(ABORT, 'Tờ trình đã ban hành không thể sửa danh sách');
      END;
      CREATE TRIGGER commendation_proposal_items_locked_update BEFORE UPDATE ON commendation_proposal_items
        WHEN (SELECT status FROM commendation_proposals WHERE id = OLD.proposal_id) = 'issued' BEGIN
        SELECT RAISE(ABORT, 'Tờ trình đã ban hành không thể sửa danh sách');
      END;
      CREATE TRIGGER commendation_proposal_items_locked_delete BEFORE DELETE ON commendation_proposal_items
        WHEN (SELECT status FROM commendation_proposals WHERE id = OLD.proposal_id) = 'issued'
         AND ${NOT_FOREIGN('(SELECT issuer_id FROM commendation_proposals WHERE id = OLD.proposal_id)')} BEGIN
        SELECT RAISE(ABORT, 'Tờ trình đã ban hành không thể sửa danh sách');
      END;
    `);
  },
};
