CREATE TABLE "feedback_assignments" (
	"task_id" text NOT NULL,
	"annotator_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"slot" integer,
	"a_on_left" boolean NOT NULL,
	"day" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_assignments_task_id_annotator_id_pk" PRIMARY KEY("task_id","annotator_id")
);
--> statement-breakpoint
CREATE TABLE "feedback_campaign_prompts" (
	"campaign_id" text NOT NULL,
	"prompt_index" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "feedback_campaign_prompts_campaign_id_prompt_index_pk" PRIMARY KEY("campaign_id","prompt_index")
);
--> statement-breakpoint
CREATE TABLE "feedback_campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"models" jsonb NOT NULL,
	"overlap" integer NOT NULL,
	"daily_cap" integer,
	"rubric_version" text,
	"system" text,
	"prompt_count" integer NOT NULL,
	"task_count" integer NOT NULL,
	"gold_count" integer NOT NULL,
	"body_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_candidates" (
	"campaign_id" text NOT NULL,
	"prompt_index" integer NOT NULL,
	"model" text NOT NULL,
	"response_id" text,
	"error" text,
	CONSTRAINT "feedback_candidates_campaign_id_prompt_index_model_pk" PRIMARY KEY("campaign_id","prompt_index","model")
);
--> statement-breakpoint
CREATE TABLE "feedback_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"position" integer NOT NULL,
	"prompt_index" integer,
	"model_a" text NOT NULL,
	"model_b" text NOT NULL,
	"response_a" text,
	"response_b" text,
	"gold_winner" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_assignments_slot_key" ON "feedback_assignments" USING btree ("task_id","slot");--> statement-breakpoint
CREATE INDEX "feedback_assignments_annotator_idx" ON "feedback_assignments" USING btree ("campaign_id","annotator_id","day");--> statement-breakpoint
CREATE INDEX "feedback_tasks_campaign_idx" ON "feedback_tasks" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE INDEX "feedback_tasks_candidate_a_idx" ON "feedback_tasks" USING btree ("campaign_id","prompt_index","model_a");--> statement-breakpoint
CREATE INDEX "feedback_tasks_candidate_b_idx" ON "feedback_tasks" USING btree ("campaign_id","prompt_index","model_b");