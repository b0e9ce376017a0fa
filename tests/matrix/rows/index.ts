import type { Row } from "../support/matrix";
import { APP_PAGES } from "./app-pages";
import { ORGA_ACTIONS } from "./orga-actions";
import { ORGA_PAGES } from "./orga-pages";
import { PUPIL_ACTIONS } from "./pupil-actions";
import { ROUTES } from "./routes";
import { SESSION_ACTIONS } from "./session-actions";

/** Every row of the matrix. An entry point may have several rows (one per rule). */
export const ROWS: Row[] = [...APP_PAGES, ...ORGA_PAGES, ...ROUTES, ...PUPIL_ACTIONS, ...SESSION_ACTIONS, ...ORGA_ACTIONS];
