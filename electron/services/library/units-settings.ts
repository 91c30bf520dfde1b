// The units directory (from plans and the units table) and key/value settings.
import { likePattern, type LibraryOps, type PlanStore } from './store';

export function unitSettingsOperations(store: PlanStore): LibraryOps<'units.list' | `settings.${string}`> {
  const { db } = store;
  return {
    'units.list': ({ query, limit }) => {
      const q = query?.trim();
      return db
        .prepare<unknown[], { name: string; uses: number; last_seen: string }>(
          `SELECT name, SUM(uses) AS uses, MAX(last_seen) AS last_seen FROM (
             SELECT u.name, u.lead_count + u.support_count AS uses, p.updated_at AS last_seen
               FROM plan_units u JOIN plans p ON p.id = u.plan_id
              WHERE p.deleted_at IS NULL AND p.kind = 'plan'
             UNION ALL
             SELECT name, 0, created_at FROM units
           ) ${q ? "WHERE name LIKE ? ESCAPE '\\'" : ''}
           GROUP BY name ORDER BY uses DESC, name LIMIT ?`,
        )
        .all(...(q ? [likePattern(q)] : []), limit ?? 200)
        .map((r) => ({ name: r.name, uses: r.uses, lastSeen: r.last_seen }));
    },

    'settings.get': ({ key }) => {
      const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
      return { value: row ? (JSON.parse(row.value) as unknown) : null };
    },

    'settings.set': ({ key, value }) => {
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
      return { ok: true as const };
    },
  };
}
