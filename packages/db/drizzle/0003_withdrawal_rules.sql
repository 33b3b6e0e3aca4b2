ALTER TABLE "transactions" ADD COLUMN "fee" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "withdrawal_min" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "withdrawal_fee" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_fee_nonnegative" CHECK ("transactions"."fee" >= 0);--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_withdrawal_rules" CHECK ("assets"."withdrawal_min" >= 0 and "assets"."withdrawal_fee" >= 0);--> statement-breakpoint
UPDATE "assets" SET "withdrawal_min" = 10000, "withdrawal_fee" = 2000 WHERE "symbol" = 'BTC';--> statement-breakpoint
UPDATE "assets" SET "withdrawal_min" = 100000, "withdrawal_fee" = 50000 WHERE "symbol" = 'ETH';--> statement-breakpoint
UPDATE "assets" SET "withdrawal_min" = 10000000, "withdrawal_fee" = 1000000 WHERE "symbol" = 'SOL';--> statement-breakpoint
UPDATE "assets" SET "withdrawal_min" = 10000000, "withdrawal_fee" = 1000000 WHERE "symbol" = 'USDT';
