ALTER TABLE "api_keys" ALTER COLUMN "secret_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "kind" text DEFAULT 'bearer' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "signing_secret" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "signing_secret_key_id" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "public_key" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_kind_material" CHECK (("api_keys"."kind" = 'bearer' and "api_keys"."secret_hash" is not null and "api_keys"."signing_secret" is null and "api_keys"."public_key" is null)
        or ("api_keys"."kind" = 'hmac' and "api_keys"."secret_hash" is null and "api_keys"."signing_secret" is not null and "api_keys"."signing_secret_key_id" is not null and "api_keys"."public_key" is null)
        or ("api_keys"."kind" = 'ed25519' and "api_keys"."secret_hash" is null and "api_keys"."signing_secret" is null and "api_keys"."public_key" is not null));