import type { Migration } from '../migrate';

/**
 * An index for every foreign key that had none. Without one, SQLite scans the whole child table for each
 * parent row deleted or re-keyed, and for each deferred check at commit: an import that ends units
 * (organizations.successor_id) or tombstones a movement grew quadratic with the data. The list is explicit
 * (one statement per key, names written out), and the schema-guard test fails if a foreign key is ever
 * added without its index.
 */
export const m0007: Migration = {
  version: 7,
  name: 'foreign-key-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX award_coefficients_form ON award_coefficients(form_id);
      CREATE INDEX certificate_print_jobs_decision ON certificate_print_jobs(decision_id);
      CREATE INDEX commendation_exclusions_form ON commendation_exclusions(form_id);
      CREATE INDEX commendation_exclusions_organization ON commendation_exclusions(organization_id);
      CREATE INDEX commendation_exclusions_person ON commendation_exclusions(person_id);
      CREATE INDEX commendation_proposal_items_nomination ON commendation_proposal_items(nomination_id);
      CREATE INDEX commendation_proposals_form ON commendation_proposals(form_id);
      CREATE INDEX commendation_proposals_issuer ON commendation_proposals(issuer_id);
      CREATE INDEX commendation_proposals_register_entry ON commendation_proposals(register_entry_id);
      CREATE INDEX decision_awardees_form ON decision_awardees(form_id);
      CREATE INDEX decision_awardees_nomination ON decision_awardees(nomination_id);
      CREATE INDEX decisions_issuer ON decisions(issuer_id);
      CREATE INDEX decisions_movement ON decisions(movement_id);
      CREATE INDEX decisions_phase ON decisions(phase_id);
      CREATE INDEX decisions_register_entry ON decisions(register_entry_id);
      CREATE INDEX movement_occasions_occasion ON movement_occasions(occasion_id);
      CREATE INDEX movements_organization ON movements(organization_id);
      CREATE INDEX nominations_movement ON nominations(movement_id);
      CREATE INDEX nominations_organization ON nominations(organization_id);
      CREATE INDEX nominations_person ON nominations(person_id);
      CREATE INDEX nominations_phase ON nominations(phase_id);
      CREATE INDEX nominations_proposed_form ON nominations(proposed_form_id);
      CREATE INDEX nominations_source_org ON nominations(source_org_id);
      CREATE INDEX office_organization ON office(organization_id);
      CREATE INDEX organizations_successor ON organizations(successor_id);
      CREATE INDEX phase_reports_organization ON phase_reports(organization_id);
      CREATE INDEX phase_reports_phase ON phase_reports(phase_id);
      CREATE INDEX phase_reports_register_entry ON phase_reports(register_entry_id);
      CREATE INDEX plans_issuer ON plans(issuer_id);
      CREATE INDEX plans_register_entry ON plans(register_entry_id);
      CREATE INDEX registration_individuals_organization ON registration_individuals(organization_id);
      CREATE INDEX registration_individuals_registration ON registration_individuals(registration_id);
      CREATE INDEX registrations_movement ON registrations(movement_id);
      CREATE INDEX registrations_phase ON registrations(phase_id);
      CREATE INDEX works_occasion ON works(occasion_id);
    `);
  },
};
