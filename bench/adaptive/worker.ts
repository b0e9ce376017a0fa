/** A bench worker thread: runs the tasks it is sent and posts their results back. */
import { parentPort } from "node:worker_threads";
import { runTask, type Task } from "./tasks";

parentPort!.on("message", (task: Task) => {
  parentPort!.postMessage(runTask(task));
});
