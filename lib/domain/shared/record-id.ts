import { z } from "zod";

/** The largest value of a PostgreSQL `integer` column (our ids are `serial`). */
export const MAX_RECORD_ID = 2_147_483_647;

/**
 * An id posted by a form: a positive integer the database can hold. A larger number is no record of anyone's; left
 * through, it would reach PostgreSQL and fail there (a 500 instead of « nothing changes »).
 */
export const recordIdSchema = z.coerce.number().int().positive().max(MAX_RECORD_ID);
