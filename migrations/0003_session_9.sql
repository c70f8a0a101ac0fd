CREATE TABLE `device_sign_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`code_hash` text NOT NULL,
	`secret_hash` text NOT NULL,
	`status` text NOT NULL,
	`ip` text,
	`user_agent` text,
	`device` text NOT NULL,
	`browser` text NOT NULL,
	`os` text NOT NULL,
	`location` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`approved_by` text,
	`decided_at` integer,
	`session_id` text,
	`completed_at` integer,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `device_sign_ins_code_hash_unique` ON `device_sign_ins` (`code_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `device_sign_ins_secret_hash_unique` ON `device_sign_ins` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `device_sign_ins_expiry` ON `device_sign_ins` (`expires_at`);--> statement-breakpoint
CREATE TABLE `email_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`session_id` text NOT NULL,
	`from_email` text NOT NULL,
	`to_email` text NOT NULL,
	`code_hmac` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`confirmed_at` integer,
	`voided_at` integer,
	`reverted_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `email_changes_user` ON `email_changes` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `health_probe` (
	`id` integer PRIMARY KEY NOT NULL,
	`checked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ownership_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`from_user_id` text NOT NULL,
	`to_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`closed_at` integer,
	`outcome` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ownership_transfers_tenant` ON `ownership_transfers` (`tenant_id`,`closed_at`);--> statement-breakpoint
ALTER TABLE `login_events` ADD `device_hash` text;--> statement-breakpoint
ALTER TABLE `login_events` ADD `new_device` integer DEFAULT false NOT NULL;