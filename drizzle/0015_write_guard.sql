-- A guard in a write batch (server/db/writer.ts, `guardStatement`): inserting
-- `changes()` here right after a guarded write aborts the whole batch when that write changed
-- no row. SQLite's RAISE() works only inside a trigger, hence a view whose INSTEAD OF trigger
-- raises; nothing is ever stored.
CREATE VIEW `write_guard` AS SELECT 0 AS `affected`;
--> statement-breakpoint
CREATE TRIGGER `write_guard_check` INSTEAD OF INSERT ON `write_guard`
WHEN NEW.`affected` = 0
BEGIN SELECT RAISE(ABORT, 'write_guard_failed'); END;
