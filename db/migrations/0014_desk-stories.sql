-- Stories the desk writes itself (issue "Own stories"): a desk story started from agency takes keeps
-- which stories it drew on, in order, as `[{id, agency, headline}]`, shown in the story pane and
-- credited by the published outputs. Agency copy keeps the empty list.
ALTER TABLE `stories` ADD `sources` text DEFAULT '[]' NOT NULL;
