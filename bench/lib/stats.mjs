/** Statistics for the bench's samples. */
export const sorted = (values) => [...values].sort((a, b) => a - b);

export const median = (values) => {
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Nearest-rank percentile. */
export const percentile = (values, p) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

/** Median and range of a figure measured once per run. */
export const spread = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length });

export const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
