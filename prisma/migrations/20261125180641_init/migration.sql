-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "EstablishmentType" AS ENUM ('SCO', 'SUP', 'PRO');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('ADMIN', 'MEMBER');

-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CampaignType" AS ENUM ('ASSESSMENT', 'PROFILES_COLLECTION');

-- CreateEnum
CREATE TYPE "ExternalIdType" AS ENUM ('STRING', 'EMAIL');

-- CreateEnum
CREATE TYPE "ParticipationStatus" AS ENUM ('STARTED', 'TO_SHARE', 'SHARED');

-- CreateEnum
CREATE TYPE "AssessmentState" AS ENUM ('STARTED', 'COMPLETED', 'ABORTED');

-- CreateEnum
CREATE TYPE "AnswerResult" AS ENUM ('OK', 'KO', 'ABAND', 'TIMEDOUT');

-- CreateEnum
CREATE TYPE "KnowledgeElementStatus" AS ENUM ('VALIDATED', 'INVALIDATED', 'RESET');

-- CreateEnum
CREATE TYPE "KnowledgeElementSource" AS ENUM ('DIRECT', 'INFERRED');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT,
    "username" TEXT,
    "password_hash" TEXT,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "birthdate" DATE,
    "locale" TEXT NOT NULL DEFAULT 'fr-FR',
    "should_change_password" BOOLEAN NOT NULL DEFAULT false,
    "terms_accepted_at" TIMESTAMP(3),
    "saml_id" TEXT,
    "is_platform_account" BOOLEAN NOT NULL DEFAULT false,
    "current_establishment_id" INTEGER,
    "last_logged_at" TIMESTAMP(3),
    "login_failure_count" INTEGER NOT NULL DEFAULT 0,
    "login_blocked_until" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_reset_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "dev_mails" (
    "id" SERIAL NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dev_mails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "establishments" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "uai" TEXT,
    "type" "EstablishmentType" NOT NULL,
    "contact_email" TEXT,
    "is_managing_students" BOOLEAN NOT NULL DEFAULT false,
    "identity_provider" TEXT,
    "archived_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "establishments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" SERIAL NOT NULL,
    "establishment_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" "MembershipRole" NOT NULL DEFAULT 'MEMBER',
    "disabled_at" TIMESTAMP(3),
    "last_accessed_at" TIMESTAMP(3),
    "updated_by_user_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" SERIAL NOT NULL,
    "establishment_id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MembershipRole",
    "status" "InvitationStatus" NOT NULL DEFAULT 'PENDING',
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accepted_at" TIMESTAMP(3),
    "accepted_by_user_id" INTEGER,
    "cancelled_at" TIMESTAMP(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "areas" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "areas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "competences" (
    "id" TEXT NOT NULL,
    "index" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "area_id" TEXT NOT NULL,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "competences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tubes" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "practical_title" TEXT NOT NULL,
    "practical_description" TEXT NOT NULL,
    "competence_id" TEXT NOT NULL,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "tubes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "skills" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "pix_value" DOUBLE PRECISION NOT NULL,
    "description" TEXT NOT NULL,
    "tube_id" TEXT NOT NULL,
    "competence_id" TEXT NOT NULL,
    "tutorial_ids" TEXT[],
    "learning_more_tutorial_ids" TEXT[],
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "skills_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "challenges" (
    "id" TEXT NOT NULL,
    "skill_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "timer" INTEGER,
    "content" JSONB NOT NULL,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "challenges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tutorials" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "link" TEXT,
    "page" JSONB,
    "competence_id" TEXT NOT NULL,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "tutorials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_profiles" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "target_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_profile_tubes" (
    "target_profile_id" TEXT NOT NULL,
    "tube_id" TEXT NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "target_profile_tubes_pkey" PRIMARY KEY ("target_profile_id","tube_id")
);

-- CreateTable
CREATE TABLE "stages" (
    "id" SERIAL NOT NULL,
    "target_profile_id" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "prescriber_title" TEXT NOT NULL,
    "prescriber_description" TEXT NOT NULL,

    CONSTRAINT "stages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "type" "CampaignType" NOT NULL,
    "target_profile_id" TEXT,
    "establishment_id" INTEGER NOT NULL,
    "creator_id" INTEGER NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "landing_text" TEXT,
    "external_id_label" TEXT,
    "external_id_type" "ExternalIdType",
    "multiple_sendings" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMP(3),
    "archived_by_id" INTEGER,
    "deleted_at" TIMESTAMP(3),
    "deleted_by_id" INTEGER,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_skills" (
    "campaign_id" INTEGER NOT NULL,
    "skill_id" TEXT NOT NULL,

    CONSTRAINT "campaign_skills_pkey" PRIMARY KEY ("campaign_id","skill_id")
);

-- CreateTable
CREATE TABLE "learners" (
    "id" SERIAL NOT NULL,
    "establishment_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "first_name" TEXT NOT NULL,
    "middle_name" TEXT,
    "third_name" TEXT,
    "last_name" TEXT NOT NULL,
    "preferred_last_name" TEXT,
    "sex" TEXT,
    "birthdate" DATE,
    "birth_city" TEXT,
    "birth_city_code" TEXT,
    "birth_province_code" TEXT,
    "birth_country_code" TEXT,
    "mef_code" TEXT,
    "status" TEXT,
    "national_student_id" TEXT,
    "division" TEXT,
    "is_disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "learners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participations" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "learner_id" INTEGER,
    "participant_external_id" TEXT,
    "status" "ParticipationStatus" NOT NULL DEFAULT 'STARTED',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shared_at" TIMESTAMP(3),
    "deleted_at" TIMESTAMP(3),
    "deleted_by_id" INTEGER,
    "is_improved" BOOLEAN NOT NULL DEFAULT false,
    "validated_skills_count" INTEGER,
    "mastery_rate" DOUBLE PRECISION,
    "pix_score" INTEGER,
    "stage_reached" INTEGER,

    CONSTRAINT "participations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participation_snapshots" (
    "participation_id" INTEGER NOT NULL,
    "knowledge_elements" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "participation_snapshots_pkey" PRIMARY KEY ("participation_id")
);

-- CreateTable
CREATE TABLE "participation_tube_results" (
    "participation_id" INTEGER NOT NULL,
    "tube_id" TEXT NOT NULL,
    "competence_id" TEXT NOT NULL,
    "targeted_count" INTEGER NOT NULL,
    "validated_count" INTEGER NOT NULL,
    "highest_validated" INTEGER NOT NULL,
    "lowest_not_validated" INTEGER NOT NULL,

    CONSTRAINT "participation_tube_results_pkey" PRIMARY KEY ("participation_id","tube_id")
);

-- CreateTable
CREATE TABLE "assessments" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "participation_id" INTEGER,
    "state" "AssessmentState" NOT NULL DEFAULT 'STARTED',
    "is_improving" BOOLEAN NOT NULL DEFAULT false,
    "current_challenge_id" TEXT,
    "current_asked_at" TIMESTAMP(3),
    "is_timer_started" BOOLEAN NOT NULL DEFAULT false,
    "answers_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answers" (
    "id" SERIAL NOT NULL,
    "assessment_id" INTEGER NOT NULL,
    "challenge_id" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "result" "AnswerResult" NOT NULL,
    "time_spent" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge_elements" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "assessment_id" INTEGER,
    "answer_id" INTEGER,
    "skill_id" TEXT NOT NULL,
    "competence_id" TEXT NOT NULL,
    "status" "KnowledgeElementStatus" NOT NULL,
    "source" "KnowledgeElementSource" NOT NULL,
    "earned_pix" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "knowledge_elements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "users_saml_id_key" ON "users"("saml_id");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_tokens_token_hash_key" ON "password_reset_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "password_reset_tokens_user_id_idx" ON "password_reset_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "establishments_uai_key" ON "establishments"("uai");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_establishment_id_user_id_key" ON "memberships"("establishment_id", "user_id");

-- CreateIndex
CREATE INDEX "invitations_establishment_id_status_idx" ON "invitations"("establishment_id", "status");

-- CreateIndex
CREATE INDEX "invitations_establishment_id_email_idx" ON "invitations"("establishment_id", "email");

-- CreateIndex
CREATE INDEX "skills_tube_id_idx" ON "skills"("tube_id");

-- CreateIndex
CREATE INDEX "challenges_skill_id_idx" ON "challenges"("skill_id");

-- CreateIndex
CREATE UNIQUE INDEX "stages_target_profile_id_threshold_key" ON "stages"("target_profile_id", "threshold");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_code_key" ON "campaigns"("code");

-- CreateIndex
CREATE INDEX "campaigns_establishment_id_created_at_idx" ON "campaigns"("establishment_id", "created_at");

-- CreateIndex
CREATE INDEX "learners_establishment_id_division_idx" ON "learners"("establishment_id", "division");

-- CreateIndex
CREATE UNIQUE INDEX "learners_establishment_id_national_student_id_key" ON "learners"("establishment_id", "national_student_id");

-- CreateIndex
CREATE UNIQUE INDEX "learners_establishment_id_user_id_key" ON "learners"("establishment_id", "user_id");

-- CreateIndex
CREATE INDEX "participations_campaign_id_status_idx" ON "participations"("campaign_id", "status");

-- CreateIndex
CREATE INDEX "participations_user_id_idx" ON "participations"("user_id");

-- CreateIndex
CREATE INDEX "participations_learner_id_idx" ON "participations"("learner_id");

-- CreateIndex
CREATE INDEX "participation_tube_results_tube_id_idx" ON "participation_tube_results"("tube_id");

-- CreateIndex
CREATE INDEX "assessments_participation_id_idx" ON "assessments"("participation_id");

-- CreateIndex
CREATE INDEX "assessments_user_id_idx" ON "assessments"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "answers_assessment_id_challenge_id_key" ON "answers"("assessment_id", "challenge_id");

-- CreateIndex
CREATE INDEX "knowledge_elements_user_id_skill_id_created_at_idx" ON "knowledge_elements"("user_id", "skill_id", "created_at");

-- AddForeignKey
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_establishment_id_fkey" FOREIGN KEY ("establishment_id") REFERENCES "establishments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_establishment_id_fkey" FOREIGN KEY ("establishment_id") REFERENCES "establishments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_user_id_fkey" FOREIGN KEY ("accepted_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competences" ADD CONSTRAINT "competences_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tubes" ADD CONSTRAINT "tubes_competence_id_fkey" FOREIGN KEY ("competence_id") REFERENCES "competences"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "skills" ADD CONSTRAINT "skills_tube_id_fkey" FOREIGN KEY ("tube_id") REFERENCES "tubes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "skills" ADD CONSTRAINT "skills_competence_id_fkey" FOREIGN KEY ("competence_id") REFERENCES "competences"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_skill_id_fkey" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_profile_tubes" ADD CONSTRAINT "target_profile_tubes_target_profile_id_fkey" FOREIGN KEY ("target_profile_id") REFERENCES "target_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_profile_tubes" ADD CONSTRAINT "target_profile_tubes_tube_id_fkey" FOREIGN KEY ("tube_id") REFERENCES "tubes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stages" ADD CONSTRAINT "stages_target_profile_id_fkey" FOREIGN KEY ("target_profile_id") REFERENCES "target_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_target_profile_id_fkey" FOREIGN KEY ("target_profile_id") REFERENCES "target_profiles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_establishment_id_fkey" FOREIGN KEY ("establishment_id") REFERENCES "establishments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_skills" ADD CONSTRAINT "campaign_skills_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learners" ADD CONSTRAINT "learners_establishment_id_fkey" FOREIGN KEY ("establishment_id") REFERENCES "establishments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learners" ADD CONSTRAINT "learners_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participations" ADD CONSTRAINT "participations_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participations" ADD CONSTRAINT "participations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participations" ADD CONSTRAINT "participations_learner_id_fkey" FOREIGN KEY ("learner_id") REFERENCES "learners"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participation_snapshots" ADD CONSTRAINT "participation_snapshots_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participation_tube_results" ADD CONSTRAINT "participation_tube_results_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_elements" ADD CONSTRAINT "knowledge_elements_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: one live participation per pupil and campaign (a double click or two tabs create one).
CREATE UNIQUE INDEX "participations_one_live_per_user" ON "participations"("campaign_id", "user_id") WHERE "is_improved" = false AND "deleted_at" IS NULL AND "user_id" IS NOT NULL;
