-- A pull feed's wire format: null detects it (plain text is then not taken as stories), a format forces it.
ALTER TABLE `feeds` ADD `format` text;
