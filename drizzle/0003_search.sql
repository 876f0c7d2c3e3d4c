-- Full-text search over projects and milestones (SQLite FTS5). `remove_diacritics 2` folds
-- accents so that « sécurité » finds "securite" and the reverse. Triggers keep the index in
-- step with the rows; search results are filtered by visibility in the query, never here.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `kind` UNINDEXED, `entity_id` UNINDEXED, `project_id` UNINDEXED, `title`, `body`,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `search_index` (`kind`, `entity_id`, `project_id`, `title`, `body`)
  SELECT 'project', `id`, `id`, `title`, `summary` FROM `projects`;
--> statement-breakpoint
INSERT INTO `search_index` (`kind`, `entity_id`, `project_id`, `title`, `body`)
  SELECT 'milestone', `id`, `project_id`, `title`, `description` FROM `milestones`;
--> statement-breakpoint
CREATE TRIGGER `projects_search_insert` AFTER INSERT ON `projects` BEGIN
  INSERT INTO `search_index` (`kind`, `entity_id`, `project_id`, `title`, `body`) VALUES ('project', NEW.`id`, NEW.`id`, NEW.`title`, NEW.`summary`);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_update` AFTER UPDATE OF `title`, `summary` ON `projects` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'project' AND `entity_id` = OLD.`id`;
  INSERT INTO `search_index` (`kind`, `entity_id`, `project_id`, `title`, `body`) VALUES ('project', NEW.`id`, NEW.`id`, NEW.`title`, NEW.`summary`);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_delete` AFTER DELETE ON `projects` BEGIN
  DELETE FROM `search_index` WHERE `project_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_search_insert` AFTER INSERT ON `milestones` BEGIN
  INSERT INTO `search_index` (`kind`, `entity_id`, `project_id`, `title`, `body`) VALUES ('milestone', NEW.`id`, NEW.`project_id`, NEW.`title`, NEW.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_search_update` AFTER UPDATE OF `title`, `description` ON `milestones` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'milestone' AND `entity_id` = OLD.`id`;
  INSERT INTO `search_index` (`kind`, `entity_id`, `project_id`, `title`, `body`) VALUES ('milestone', NEW.`id`, NEW.`project_id`, NEW.`title`, NEW.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `milestones_search_delete` AFTER DELETE ON `milestones` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'milestone' AND `entity_id` = OLD.`id`;
END;
