-- Desks in an order admins choose (issue: the desk's own order). The first desk whose rule matches takes a
-- story, so the order is routing priority; until now it was creation order, which this keeps.
ALTER TABLE `desks` ADD `position` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
UPDATE `desks` SET `position` = (
  SELECT count(*) FROM `desks` AS `earlier`
  WHERE `earlier`.`created_at` < `desks`.`created_at`
     OR (`earlier`.`created_at` = `desks`.`created_at` AND `earlier`.`rowid` < `desks`.`rowid`)
);
