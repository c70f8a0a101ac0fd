ALTER TABLE `secret_requests` ADD `destination` text;--> statement-breakpoint
ALTER TABLE `secrets` ADD `destinations` text DEFAULT '[]' NOT NULL;