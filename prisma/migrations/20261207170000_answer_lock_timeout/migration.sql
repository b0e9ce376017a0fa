-- The answer path's waits in PostgreSQL, bounded (issue 15, ADR 0013 « 07/12 (17) »): an answer that waits for a lock
-- (the pupil's answer lock held by a stuck session, the assessment's row, a table behind a DDL's ACCESS EXCLUSIVE) held
-- its slot of the answer gate for as long as the other side kept the lock — eight such answers stopped every answer
-- of the process. Each lock wait of the answer's functions now gives up after 500 ms: the statement fails with 55P03
-- (lock_not_available), its transaction (the call, in autocommit) is rolled back, nothing was written, and the app
-- answers 503 « Trop de monde… » (BusyError), which the page's script sends again.
--
-- Why 500 ms: a pupil's own other submit holds the lock for one transaction, a few ms (p95 of a whole answer at
-- 350/s on one process: 32–35 ms, ADR 0013 « 07/12 (14) »): a wait of 500 ms is 15 times that, a lock that is not
-- coming. It is half the gate's queue deadline (ANSWER_GATE_QUEUE_MS, 1 s), so a slot held by a blocked answer comes
-- back before the answers queued behind it run out of time.
--
-- A function's SET clause has SET LOCAL's scope, narrowed to the call: set on entry, restored on exit (error or not),
-- never left on the connection, so it is right behind PgBouncer in transaction mode, and it costs no round trip.
-- It bounds lock waits only: statement_timeout set during a statement does not arm the running statement's timer
-- (PostgreSQL arms it when the statement starts), so a statement slow for another reason (disk) is not bounded here.

ALTER FUNCTION public.pix_answer_submit(
  integer, text, integer, integer, text, integer, boolean, timestamp(3), integer, integer, text, integer, integer,
  timestamp(3), text, jsonb, text, integer, text[], text[], text[], text[], double precision[],
  double precision, double precision, text[], text[], text[], text[], double precision[]
) SET lock_timeout = '500ms';

-- The read (it calls pix_answer_read): it takes only ACCESS SHARE locks, which wait only behind a DDL's ACCESS EXCLUSIVE
-- (a migration run during a class): an answer then gets 503 and comes back instead of holding its slot.
ALTER FUNCTION public.pix_answer_state(integer, text, text, integer, text[]) SET lock_timeout = '500ms';

-- The end of a test with nothing to ask (completeAssessment, an interactive transaction through Prisma) takes the same
-- answer lock as pix_answer_submit (20261207150000_answer_submit_user_lock) then writes in later statements: this
-- function bounds every lock wait of the rest of that transaction (set_config's third argument: SET LOCAL, undone at
-- the transaction's end), then takes the lock, in the one statement that took it before. No SET clause of its own: it
-- would restore lock_timeout on return. Names qualified instead of a search_path.
CREATE FUNCTION public.pix_answer_user_lock(p_user_id integer) RETURNS void
LANGUAGE plpgsql VOLATILE
AS $fn$
BEGIN
  PERFORM pg_catalog.set_config('lock_timeout', '500ms', true);
  PERFORM pg_catalog.pg_advisory_xact_lock(1346983489, p_user_id);
END
$fn$;
