ALTER TABLE `sessions` ADD `authenticated_by` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `tokens_may_approve` integer DEFAULT false NOT NULL;