/**
 * Peak RSS of this process, sampled every 10 ms on the main thread (a sampling worker would add its own
 * ~25 MB isolate to the figure). Work that does not yield can delay a sample; RSS only falls when V8
 * hands pages back, so a peak is not missed for long. `stop` returns the peak in bytes.
 */
export function startRssSampler(): { stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
