-- Gate packs and signed decisions are records: never edited, never deleted, by any path.
CREATE TRIGGER `gate_packs_no_update` BEFORE UPDATE ON `gate_packs`
BEGIN SELECT RAISE(ABORT, 'gate packs are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `gate_packs_no_delete` BEFORE DELETE ON `gate_packs`
BEGIN SELECT RAISE(ABORT, 'gate packs are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `gate_decisions_no_update` BEFORE UPDATE ON `gate_decisions`
BEGIN SELECT RAISE(ABORT, 'gate decisions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `gate_decisions_no_delete` BEFORE DELETE ON `gate_decisions`
BEGIN SELECT RAISE(ABORT, 'gate decisions are immutable'); END;
--> statement-breakpoint
-- A decided review stays decided.
CREATE TRIGGER `gate_reviews_decided_final` BEFORE UPDATE ON `gate_reviews`
WHEN OLD.`status` = 'decided'
BEGIN SELECT RAISE(ABORT, 'a decided gate review cannot change'); END;
--> statement-breakpoint
CREATE TRIGGER `gate_reviews_no_delete` BEFORE DELETE ON `gate_reviews`
BEGIN SELECT RAISE(ABORT, 'gate reviews are kept'); END;
