-- A document's history is never rewritten: compaction only adds to it (server/realtime/doc-store.ts).
CREATE TRIGGER `doc_history_no_update` BEFORE UPDATE ON `doc_history`
BEGIN SELECT RAISE(ABORT, 'doc_history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `doc_history_no_delete` BEFORE DELETE ON `doc_history`
BEGIN SELECT RAISE(ABORT, 'doc_history is append-only'); END;
