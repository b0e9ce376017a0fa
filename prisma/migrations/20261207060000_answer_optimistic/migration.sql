-- The answer in two autocommit statements instead of BEGIN, two calls and COMMIT (docs/adr/0013-lean-answer-path.md,
-- amendment « 07/12 (5) »): the read takes no lock, the write re-checks under its own row lock that the assessment is
-- still in the state the engine decided from, and writes — or writes nothing and returns NULL, and the app reads
-- again (lib/db/repositories/answer-transaction.ts). Each statement round trip cost the app ~1 ms of socket work
-- and PostgreSQL a wake-up; BEGIN and COMMIT were half of them.
-- pix_answer_open and pix_answer_write (20261207025000_answer_functions) stay: a process of the previous version may
-- still answer through them while a deploy replaces it. Same habits as theirs: enum values as text, own search_path,
-- called schema-qualified with typed parameters.

-- The session, the pupil's live assessment of the campaign and — only if the session holds and there is an
-- assessment — what the engine reads. STABLE: every statement of the body sees the snapshot of the call, so the
-- assessment, its answers and the knowledge elements are read as of one instant (a VOLATILE body takes a new snapshot
-- per statement: an answer committed in between would show among the answers of a row read before it). No row: the
-- user does not exist.
CREATE FUNCTION public.pix_answer_read(p_user_id integer, p_code text, p_session_id text, p_session_version integer, p_skills text[])
RETURNS TABLE (
  session_version integer, should_change_password boolean, revoked boolean,
  id integer, user_id integer, state text, current_challenge_id text, current_asked_at timestamp(3),
  is_timer_started boolean, answers_count integer, is_improving boolean, created_at timestamp(3),
  participation_id integer, campaign_id integer, code text, name text, title text, archived boolean,
  assessment_method text, precision_target integer,
  answers json, knowledge json
)
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $fn$
#variable_conflict use_variable
BEGIN
  SELECT u.session_version, u.should_change_password, EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.session_id = p_session_id),
         x.id, x.user_id, x.state, x.current_challenge_id, x.current_asked_at, x.is_timer_started, x.answers_count, x.is_improving, x.created_at,
         x.participation_id, x.campaign_id, x.code, x.name, x.title, x.archived, x.assessment_method, x.precision_target
  INTO session_version, should_change_password, revoked,
       id, user_id, state, current_challenge_id, current_asked_at, is_timer_started, answers_count, is_improving, created_at,
       participation_id, campaign_id, code, name, title, archived, assessment_method, precision_target
  FROM users u
  LEFT JOIN LATERAL (
    SELECT a.id, a.user_id, a.state::text AS state, a.current_challenge_id, a.current_asked_at, a.is_timer_started, a.answers_count, a.is_improving, a.created_at,
           p.id AS participation_id, c.id AS campaign_id, c.code, c.name, c.title, (c.archived_at IS NOT NULL OR c.deleted_at IS NOT NULL) AS archived,
           c.assessment_method::text AS assessment_method, c.precision_target
    FROM campaigns c
    JOIN participations p ON p.campaign_id = c.id AND p.user_id = u.id AND p.deleted_at IS NULL AND p.is_improved = false
    JOIN assessments a ON a.participation_id = p.id
    WHERE c.code = p_code AND c.deleted_at IS NULL
    ORDER BY a.id DESC LIMIT 1
  ) x ON true
  WHERE u.id = p_user_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF id IS NOT NULL AND user_id = p_user_id AND NOT revoked AND session_version = p_session_version AND NOT should_change_password THEN
    -- The campaign's skills joined as an unnest, not `= ANY(array)` (the planner estimated each value: ADR 0013).
    SELECT (SELECT coalesce(json_agg(json_build_array(an.id, an.challenge_id, an.result) ORDER BY an.id), '[]'::json)
            FROM answers an WHERE an.assessment_id = id),
           (SELECT coalesce(json_agg(json_build_array(k.skill_id, k.status, k.source, k.earned_pix, k.competence_id, k.created_at)), '[]'::json)
            FROM (SELECT DISTINCT ON (ke.skill_id) ke.skill_id, ke.status, ke.source, ke.earned_pix, ke.competence_id, ke.created_at
                  FROM knowledge_elements ke JOIN unnest(p_skills) AS campaign_skill(skill_id) ON campaign_skill.skill_id = ke.skill_id
                  WHERE ke.user_id = p_user_id ORDER BY ke.skill_id, ke.created_at DESC, ke.id DESC) k)
    INTO answers, knowledge;
  END IF;
  RETURN NEXT;
END
$fn$;

-- The writes, one transaction (the call's own). The assessment moves on only if it is still in the state the engine
-- decided from: still STARTED, on the same question, after the same number of answers (every recorded answer adds
-- one), with the timer as it was (« Commencer » flips it once per question); those are all the ways the row moves
-- while a question is current. The UPDATE waits for a concurrent writer's row lock and then checks the committed
-- row (READ COMMITTED), so two racing writes cannot both pass. The pupil's own assessment only (the read checked it;
-- the write does not trust its caller for it). Then — only if it moved — the answer, its knowledge
-- elements and the NOTIFY of « Suivi en direct » (channel campaign_activity, the campaign's id, delivered at the
-- call's commit); p_next NULL ends the test: the engine's MODEL elements (after the answer's own, so the later id
-- wins) and the participation's result. Returns the answer's id, or NULL when the state had moved (nothing written).
CREATE FUNCTION public.pix_answer_record(
  p_assessment_id integer, p_current text, p_answers_count integer, p_timer_started boolean, p_at timestamp(3), p_next text,
  p_value jsonb, p_result text, p_time_spent integer, p_user_id integer, p_campaign_id integer,
  p_skill_ids text[], p_competence_ids text[], p_statuses text[], p_sources text[], p_earned_pix double precision[],
  p_participation_id integer, p_mastery_mean double precision, p_mastery_standard_error double precision,
  p_model_skill_ids text[], p_model_competence_ids text[], p_model_statuses text[], p_model_sources text[], p_model_earned_pix double precision[]
) RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = public, pg_temp
AS $fn$
DECLARE
  v_answer integer;
BEGIN
  IF p_next IS NULL THEN
    UPDATE assessments a SET state = 'COMPLETED', current_challenge_id = NULL, answers_count = a.answers_count + 1, updated_at = p_at
    WHERE a.id = p_assessment_id AND a.state = 'STARTED' AND a.current_challenge_id = p_current
      AND a.answers_count = p_answers_count AND a.is_timer_started = p_timer_started AND a.user_id = p_user_id;
  ELSE
    UPDATE assessments a SET current_challenge_id = p_next, current_asked_at = p_at, is_timer_started = false,
                             answers_count = a.answers_count + 1, updated_at = p_at
    WHERE a.id = p_assessment_id AND a.state = 'STARTED' AND a.current_challenge_id = p_current
      AND a.answers_count = p_answers_count AND a.is_timer_started = p_timer_started AND a.user_id = p_user_id;
  END IF;
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
