// The library services: plans, versions, 对照 links, review, units, settings, over one SQLite
// database. Every operation of shared/contract.ts is implemented once; transports only dispatch.
// The operations live by domain in library/ (plans, versions, compare, review, units-settings)
// over one shared store (library/store.ts); this file composes them behind one contract.
import type { Database } from 'better-sqlite3';
import type { OperationResults, ServiceImpl, Services } from '../../shared/contract';
import { compareOperations } from './library/compare';
import { draftOperations } from './library/drafts';
import { planOperations } from './library/plans';
import { reviewOperations } from './library/review';
import { createPlanStore, type LibraryOptions, type LibraryServices } from './library/store';
import { unitSettingsOperations } from './library/units-settings';
import { versionOperations } from './library/versions';

export type { LibraryOptions, LibraryServices };

export function createLibraryServices(db: Database, options: LibraryOptions): LibraryServices {
  const store = createPlanStore(db, options);
  const impl: LibraryServices = {
    ...planOperations(store),
    ...versionOperations(store),
    ...compareOperations(store),
    ...reviewOperations(store),
    ...unitSettingsOperations(store),
    ...draftOperations(store),
  };
  return impl;
}

/**
 * Every operation answers with a promise, whether its body is synchronous (SQLite) or not,
 * so callers see one behaviour: errors arrive as rejections, never as synchronous throws.
 * `translate` turns low-level errors into AppErrors (openLibrary: a full disk, a read-only or
 * busy library, said in Chinese instead of "内部错误：database or disk is full").
 */
export function asServices(impl: ServiceImpl, translate: (err: unknown) => unknown = (err) => err): Services {
  const services = {} as Record<string, (args: unknown) => Promise<unknown>>;
  for (const [name, fn] of Object.entries(impl)) {
    services[name] = async (args: unknown) => {
      try {
        return await (fn as (a: unknown) => unknown)(args);
      } catch (err) {
        throw translate(err);
      }
    };
  }
  return services as unknown as Services;
}

export type { OperationResults };
