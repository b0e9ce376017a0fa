-- A pupil's answers in two campaigns at the same instant (review15c, ADR 0013 « 07/12 (13) »): pix_answer_submit
-- checks that the user's count of knowledge elements is still the one the decision was made from (knowledge carries
-- over between campaigns), but the two submits update two different assessments, so neither waits for the other, and
-- each read the count in a snapshot without the other's uncommitted elements: both passed, each decided without the
-- other's knowledge. The submit now takes a transaction-level advisory lock on (namespace, user id) before anything
-- else, and the UPDATE that reads the count is a later statement: the second submit waits for the first to commit,
-- then counts its elements, finds the count moved and writes nothing (NULL: the process reads and decides again).
-- Pupils never wait for one another; one pupil's submits are already serialized by the assessment's row lock when
-- they share an assessment. Every other check of the function is unchanged (20261207090000_answer_one_statement).

CREATE OR REPLACE FUNCTION public.pix_answer_submit(
  p_user_id integer, p_session_id text, p_session_version integer,
  p_assessment_id integer, p_current text, p_answers_count integer, p_timer_started boolean, p_asked_at timestamp(3),
  p_participation_id integer, p_campaign_id integer, p_method text, p_precision_target integer, p_knowledge_count integer,
  p_at timestamp(3), p_next text, p_value jsonb, p_result text, p_time_spent integer,
  p_skill_ids text[], p_competence_ids text[], p_statuses text[], p_sources text[], p_earned_pix double precision[],
  p_mastery_mean double precision, p_mastery_standard_error double precision,
  p_model_skill_ids text[], p_model_competence_ids text[], p_model_statuses text[], p_model_sources text[], p_model_earned_pix double precision[]
) RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = public, pg_temp
AS $fn$
DECLARE
  v_answer integer;
BEGIN
  -- One user's submits, one at a time (namespace 1346983489, « PIXA »: no other advisory lock in the project; the two
  -- int4 keys never meet a one-key bigint lock). Released at the end of the call's transaction; no row written.
  PERFORM pg_advisory_xact_lock(1346983489, p_user_id);
  -- A new statement, so a new snapshot (READ COMMITTED, VOLATILE): the knowledge count below sees every submit of this
  -- user that committed before the lock was granted.
  UPDATE assessments a
  SET state = CASE WHEN p_next IS NULL THEN 'COMPLETED'::"AssessmentState" ELSE a.state END,
      current_challenge_id = p_next,
      current_asked_at = CASE WHEN p_next IS NULL THEN a.current_asked_at ELSE p_at END,
      is_timer_started = CASE WHEN p_next IS NULL THEN a.is_timer_started ELSE false END,
      answers_count = a.answers_count + 1, updated_at = p_at
  FROM participations p, campaigns c, users u
  WHERE a.id = p_assessment_id AND a.user_id = p_user_id AND a.state = 'STARTED' AND a.current_challenge_id = p_current
    AND a.answers_count = p_answers_count AND a.is_timer_started = p_timer_started
    AND a.current_asked_at IS NOT DISTINCT FROM p_asked_at AND a.participation_id = p_participation_id
    AND p.id = a.participation_id AND p.user_id = p_user_id AND p.deleted_at IS NULL AND p.is_improved = false
    AND c.id = p.campaign_id AND c.id = p_campaign_id AND c.archived_at IS NULL AND c.deleted_at IS NULL
    AND c.assessment_method::text = p_method AND c.precision_target IS NOT DISTINCT FROM p_precision_target
    AND u.id = p_user_id AND u.session_version = p_session_version AND NOT u.should_change_password
    AND NOT EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.session_id = p_session_id)
    AND (SELECT count(*) FROM knowledge_elements k WHERE k.user_id = p_user_id) = p_knowledge_count;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  INSERT INTO answers (assessment_id, challenge_id, value, result, time_spent, created_at)
  VALUES (p_assessment_id, p_current, p_value, p_result::"AnswerResult", p_time_spent, p_at)
  RETURNING answers.id INTO v_answer;
  INSERT INTO knowledge_elements (user_id, assessment_id, answer_id, skill_id, competence_id, status, source, earned_pix, created_at)
  SELECT p_user_id, p_assessment_id, v_answer, k.skill_id, k.competence_id, k.status::"KnowledgeElementStatus", k.source::"KnowledgeElementSource", k.earned_pix, p_at
  FROM unnest(p_skill_ids, p_competence_ids, p_statuses, p_sources, p_earned_pix) AS k(skill_id, competence_id, status, source, earned_pix);
  PERFORM pg_notify('campaign_activity', p_campaign_id::text);
  IF p_next IS NULL THEN
    INSERT INTO knowledge_elements (user_id, assessment_id, answer_id, skill_id, competence_id, status, source, earned_pix, created_at)
    SELECT p_user_id, p_assessment_id, NULL, k.skill_id, k.competence_id, k.status::"KnowledgeElementStatus", k.source::"KnowledgeElementSource", k.earned_pix, p_at
    FROM unnest(p_model_skill_ids, p_model_competence_ids, p_model_statuses, p_model_sources, p_model_earned_pix) AS k(skill_id, competence_id, status, source, earned_pix);
    UPDATE participations SET status = 'TO_SHARE', mastery_mean = p_mastery_mean, mastery_standard_error = p_mastery_standard_error
    WHERE participations.id = p_participation_id AND participations.status = 'STARTED';
  END IF;
  RETURN v_answer;
END
$fn$;
