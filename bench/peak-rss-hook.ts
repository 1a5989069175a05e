// Preloaded (`node --require dist/bench/peak-rss-hook.js`) when GNU time is not available: writes what
// `time -f '%M %U %S'` would (peak resident set size in KiB, user and system CPU seconds) to
// $BENCH_PEAK_RSS_FILE when the process exits, however it exits.
import * as fs from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
