CREATE TABLE `audit_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`type` text NOT NULL,
	`actor` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`drained_at` integer
);
--> statement-breakpoint
CREATE INDEX `audit_outbox_pending` ON `audit_outbox` (`drained_at`,`tenant_id`,`id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `authenticated_by` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `tokens_may_approve` integer DEFAULT false NOT NULL;