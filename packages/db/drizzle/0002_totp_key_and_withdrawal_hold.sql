ALTER TABLE "totp_credentials" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "withdrawals_held_until" timestamp with time zone;