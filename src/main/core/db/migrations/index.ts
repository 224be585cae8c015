import type { Migration } from '../migrate';
import { m0001 } from './0001-initial';
import { m0002 } from './0002-movements-plans';
import { m0003 } from './0003-registrations';
import { m0004 } from './0004-exchange';
import { m0005 } from './0005-commendations';
import { m0006 } from './0006-reports';
import { m0007 } from './0007-foreign-key-indexes';
import { m0008 } from './0008-exchange-trust';
import { m0009 } from './0009-paperwork-across-levels';
import { m0010 } from './0010-award-conditions';
import { m0011 } from './0011-search-indexes';
import { m0012 } from './0012-document-options';
import { m0014 } from './0014-general-documents-dossier';
import { m0015 } from './0015-registration-signer';
import { m0017 } from './0017-person-merges-travel';
import { m0018 } from './0018-database-generation';
import { m0021 } from './0021-issued-plans-proposals-locked';

/** Every migration, in order. Imported statically so the bundle carries them (no folder scan at run time). */
export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0014, m0015, m0017, m0018, m0021];
