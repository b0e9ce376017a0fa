-- The minimal SQL of an answer (pgbench script, run by floor.ts with -D first_assessment, first_user, pupils):
-- one transaction that inserts the answer and two knowledge elements, then reads the assessment's answers and
-- the pupil's latest knowledge element per skill, as the engine needs them to pick the next question.
\set pupil random(0, :pupils - 1)
\set assessment :first_assessment + :pupil
\set user :first_user + :pupil
\set skill random(1, 40)
BEGIN;
INSERT INTO answers (assessment_id, challenge_id, value, result, time_spent, created_at)
  VALUES (:assessment, 'plancher-' || gen_random_uuid(), '{"kind":"choices","selected":[2]}', 'OK', 14, now())
  RETURNING id AS answer_id \gset
INSERT INTO knowledge_elements (user_id, assessment_id, answer_id, skill_id, competence_id, status, source, earned_pix, created_at)
  VALUES (:user, :assessment, :answer_id, 'plancher-acquis-' || :skill, 'plancher-competence', 'VALIDATED', 'DIRECT', 4.5, now()),
         (:user, :assessment, :answer_id, 'plancher-acquis-' || (:skill + 40), 'plancher-competence', 'VALIDATED', 'INFERRED', 3.2, now());
SELECT id, challenge_id, result, value, created_at FROM answers WHERE assessment_id = :assessment ORDER BY id;
SELECT DISTINCT ON (skill_id) skill_id, status, source, earned_pix, competence_id, created_at FROM knowledge_elements
  WHERE user_id = :user ORDER BY skill_id, created_at DESC, id DESC;
END;
