import { serveJobs } from '../parallel/pool.js';
import { computeVerified } from './compute.js';

/** Worker-thread entry of a queue worker: computes verified sweep points. */
serveJobs(computeVerified);
