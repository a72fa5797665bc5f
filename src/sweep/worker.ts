import { serveJobs } from '../parallel/pool.js';
import { computePoint } from './point.js';

/** Worker-thread entry of a sweep: computes sweep points, keeping state between points of one sweep. */
serveJobs(computePoint);
