-- The search index is kept in step by rowid, not by scanning. FTS5 cannot index its UNINDEXED
-- columns, so `DELETE ... WHERE entity_id = ?` read the whole index on every projected
-- milestone change (12 ms at 2,000 rows, 63 ms at 70,000: the benchmark found it). Each index
-- row now takes a rowid derived from its source row's: 2 × rowid for a project, 2 × rowid + 1
-- for a milestone, so a change deletes exactly one row by its key. The update triggers also
-- skip changes that leave the indexed text as it was (the projection rewrites whole rows).
DROP TRIGGER IF EXISTS `projects_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `projects_search_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `projects_search_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `milestones_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `milestones_search_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `milestones_search_delete`;
--> statement-breakpoint
DELETE FROM `search_index`;
--> statement-breakpoint
INSERT INTO `search_index` (`rowid`, `kind`, `entity_id`, `project_id`, `title`, `body`)
  SELECT 2 * `rowid`, 'project', `id`, `id`, `title`, `summary` FROM `projects`;
--> statement-breakpoint
INSERT INTO `search_index` (`rowid`, `kind`, `entity_id`, `project_id`, `title`, `body`)
  SELECT 2 * `rowid` + 1, 'milestone', `id`, `project_id`, `title`, `description` FROM `milestones`;
--> statement-breakpoint
CREATE TRIGGER `projects_search_insert` AFTER INSERT ON `projects` BEGIN
  INSERT INTO `search_index` (`rowid`, `kind`, `entity_id`, `project_id`, `title`, `body`)
    VALUES (2 * NEW.`rowid`, 'project', NEW.`id`, NEW.`id`, NEW.`title`, NEW.`summary`);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_update` AFTER UPDATE OF `title`, `summary` ON `projects`
  WHEN OLD.`title` IS NOT NEW.`title` OR OLD.`summary` IS NOT NEW.`summary` BEGIN
  DELETE FROM `search_index` WHERE `rowid` = 2 * OLD.`rowid`;
  INSERT INTO `search_index` (`rowid`, `kind`, `entity_id`, `project_id`, `title`, `body`)
    VALUES (2 * NEW.`rowid`, 'project', NEW.`id`, NEW.`id`, NEW.`title`, NEW.`summary`);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_delete` AFTER DELETE ON `projects` BEGIN
  DELETE FROM `search_index` WHERE `rowid` = 2 * OLD.`rowid`;
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_search_insert` AFTER INSERT ON `milestones` BEGIN
  INSERT INTO `search_index` (`rowid`, `kind`, `entity_id`, `project_id`, `title`, `body`)
    VALUES (2 * NEW.`rowid` + 1, 'milestone', NEW.`id`, NEW.`project_id`, NEW.`title`, NEW.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_search_update` AFTER UPDATE OF `title`, `description` ON `milestones`
  WHEN OLD.`title` IS NOT NEW.`title` OR OLD.`description` IS NOT NEW.`description` BEGIN
  DELETE FROM `search_index` WHERE `rowid` = 2 * OLD.`rowid` + 1;
  INSERT INTO `search_index` (`rowid`, `kind`, `entity_id`, `project_id`, `title`, `body`)
    VALUES (2 * NEW.`rowid` + 1, 'milestone', NEW.`id`, NEW.`project_id`, NEW.`title`, NEW.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_search_delete` AFTER DELETE ON `milestones` BEGIN
  DELETE FROM `search_index` WHERE `rowid` = 2 * OLD.`rowid` + 1;
END;
