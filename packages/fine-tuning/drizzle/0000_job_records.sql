CREATE TABLE "fine_tuning_jobs" (
	"backend" text NOT NULL,
	"job_id" text NOT NULL,
	"idempotency_key" text,
	"spec" jsonb NOT NULL,
	"status" text NOT NULL,
	"raw_status" text NOT NULL,
	"fine_tuned_model" text,
	"alias" text,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "fine_tuning_jobs_backend_job_id_pk" PRIMARY KEY("backend","job_id")
);
--> statement-breakpoint
CREATE INDEX "fine_tuning_jobs_idempotency" ON "fine_tuning_jobs" USING btree ("backend","idempotency_key");--> statement-breakpoint
CREATE INDEX "fine_tuning_jobs_updated" ON "fine_tuning_jobs" USING btree ("updated_at");