-- The usual answer in one statement, one transaction (docs/adr/0013-lean-answer-path.md, amendment « 07/12 (8) »): a
-- process keeps the state it last wrote for a pupil's test (lib/db/repositories/answer-states.ts), decides the next
-- answer from it and sends only pix_answer_submit, which re-checks in its own transaction everything the read used
-- to check and everything the decision was made from, and writes only if all of it still holds. Anything else (a
-- first answer, another process or tab, a timer started, a revoked session, an archived campaign, knowledge elements
-- written elsewhere) writes nothing and returns NULL: the process reads (pix_answer_state), decides again and submits
-- through the same function. pix_answer_read and pix_answer_record (20261207060000_answer_optimistic) stay for a
-- process of the previous version during a deploy. Same habits: enum values as text, own search_path, called
-- schema-qualified with typed parameters.

-- pix_answer_read's row, plus how many knowledge elements the user has, as of the same snapshot (one statement: the
-- STABLE pix_answer_read runs on the snapshot of this query). Knowledge elements are only ever inserted, so an
-- unchanged count means an unchanged set: the fence pix_answer_submit compares.
CREATE FUNCTION public.pix_answer_state(p_user_id integer, p_code text, p_session_id text, p_session_version integer, p_skills text[])
RETURNS TABLE (
  session_version integer, should_change_password boolean, revoked boolean,
  id integer, user_id integer, state text, current_challenge_id text, current_asked_at timestamp(3),
  is_timer_started boolean, answers_count integer, is_improving boolean, created_at timestamp(3),
  participation_id integer, campaign_id integer, code text, name text, title text, archived boolean,
  assessment_method text, precision_target integer,
  answers json, knowledge json, knowledge_count integer
)
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $fn$
BEGIN
  RETURN QUERY
  SELECT r.*, (SELECT count(*)::integer FROM knowledge_elements k WHERE k.user_id = p_user_id)
  FROM public.pix_answer_read(p_user_id, p_code, p_session_id, p_session_version, p_skills) r;
END
$fn$;

-- The answer's writes, one transaction (the call's own), only if everything the decision was made from still holds:
-- - the session: the user's session version, no forced password change, the session not revoked;
-- - the participation still live and the user's (not deleted, not superseded by a retry, the assessment still
--   attached to it), the campaign neither archived nor deleted, with the same method and precision target;
-- - the assessment: the user's, STARTED, on the same question asked at the same instant, after the same number of
--   answers, with the timer as it was (every writer of an assessment moves one of these: ADR 0013 « 07/12 (8) »);
-- - the user's knowledge elements: the same count as when the state was read (only inserts exist; another campaign or
--   tab writing some makes the decision's knowledge stale).
-- The UPDATE takes the assessment's row lock: two submits of the same state cannot both pass (the second re-checks
-- the committed row). Then the answer, its knowledge elements, the NOTIFY of « Suivi en direct »; p_next NULL ends
-- the test (MODEL elements after the answer's own, the participation's result). Returns the answer's id, or NULL:
-- nothing was written.
CREATE FUNCTION public.pix_answer_submit(
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
