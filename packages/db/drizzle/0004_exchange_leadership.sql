CREATE TABLE "exchange_leadership" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"holder" text NOT NULL,
	"epoch" bigint NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_leadership_one_row" CHECK ("exchange_leadership"."id" = 1)
);
