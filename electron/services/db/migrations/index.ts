// Every schema step in order; one file per step, each with a test in test/electron/migrations.test.ts.
import { migration001 } from './001-initial';
import { migration002 } from './002-upper-links';
import { migration003 } from './003-review';
import { migration004 } from './004-node-ids';
import { migration005 } from './005-drafts';
import { migration006 } from './006-team';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
