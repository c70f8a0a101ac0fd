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
CREATE TABLE `mcp_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`client_id` text NOT NULL,
	`client_name` text NOT NULL,
	`redirect_host` text NOT NULL,
	`scopes` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mcp_grants_tenant` ON `mcp_grants` (`tenant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `scopes` text DEFAULT 'api' NOT NULL;--> statement-breakpoint
ALTER TABLE `secret_requests` ADD `destination` text;--> statement-breakpoint
ALTER TABLE `secrets` ADD `destinations` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `authenticated_by` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `tokens_may_approve` integer DEFAULT false NOT NULL;