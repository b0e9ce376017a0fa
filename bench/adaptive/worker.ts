/** A bench worker thread: runs the tasks it is sent and posts their results back. */
import { parentPort } from "node:worker_threads";
import type { CalibrationTask } from "./calibration-cohort";
import { runCalibrationTask, runTask, type Task } from "./tasks";

parentPort!.on("message", (task: Task | CalibrationTask) => {
  parentPort!.postMessage(task.kind === "calibration" ? runCalibrationTask(task) : runTask(task));
});
