ALTER TABLE `sessions` RENAME TO `login_sessions`;--> statement-breakpoint
DROP INDEX `sessions_token_hash_unique`;--> statement-breakpoint
DROP INDEX `sessions_otp_challenge_id_unique`;--> statement-breakpoint
DROP INDEX `sessions_user`;--> statement-breakpoint
CREATE UNIQUE INDEX `login_sessions_token_hash_unique` ON `login_sessions` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `login_sessions_otp_challenge_id_unique` ON `login_sessions` (`otp_challenge_id`);--> statement-breakpoint
CREATE INDEX `login_sessions_user` ON `login_sessions` (`user_id`);
