CREATE TABLE "feedback" (
	"sequence" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" text NOT NULL,
	"body_hash" text NOT NULL,
	"kind" text NOT NULL,
	"item_hash" text NOT NULL,
	"supersession_key" text NOT NULL,
	"prompt_hash" text NOT NULL,
	"response_ids" text[] NOT NULL,
	"value" jsonb NOT NULL,
	"annotator_id" text NOT NULL,
	"annotator_kind" text NOT NULL,
	"rubric_version" text,
	"time_spent_ms" integer,
	"status" text NOT NULL,
	"task_id" text,
	"campaign_id" text,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_kind_check" CHECK ("feedback"."kind" in ('thumbs', 'rating', 'pairwise', 'ranking', 'correction')),
	CONSTRAINT "feedback_status_check" CHECK ("feedback"."status" in ('draft', 'submitted', 'discarded')),
	CONSTRAINT "feedback_annotator_kind_check" CHECK ("feedback"."annotator_kind" in ('end_user', 'expert', 'crowd', 'model'))
);
--> statement-breakpoint
CREATE TABLE "feedback_targets" (
	"response_id" text PRIMARY KEY NOT NULL,
	"prompt" jsonb NOT NULL,
	"prompt_hash" text NOT NULL,
	"answer" text NOT NULL,
	"model" text NOT NULL,
	"provider" text,
	"parameters" jsonb NOT NULL,
	"body_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_id_key" ON "feedback" USING btree ("id");--> statement-breakpoint
CREATE INDEX "feedback_supersession_idx" ON "feedback" USING btree ("supersession_key","sequence");--> statement-breakpoint
CREATE INDEX "feedback_kind_sequence_idx" ON "feedback" USING btree ("kind","sequence");--> statement-breakpoint
CREATE INDEX "feedback_kind_item_idx" ON "feedback" USING btree ("kind","item_hash","sequence");--> statement-breakpoint
CREATE INDEX "feedback_kind_prompt_idx" ON "feedback" USING btree ("kind","prompt_hash","sequence");--> statement-breakpoint
CREATE INDEX "feedback_annotator_idx" ON "feedback" USING btree ("annotator_id","sequence");--> statement-breakpoint
CREATE INDEX "feedback_task_idx" ON "feedback" USING btree ("task_id","sequence");--> statement-breakpoint
CREATE INDEX "feedback_campaign_idx" ON "feedback" USING btree ("campaign_id","sequence");--> statement-breakpoint
CREATE INDEX "feedback_response_ids_idx" ON "feedback" USING gin ("response_ids");--> statement-breakpoint
CREATE INDEX "feedback_targets_prompt_hash_idx" ON "feedback_targets" USING btree ("prompt_hash");