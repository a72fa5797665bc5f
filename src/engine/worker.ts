import { serveJobs } from '../parallel/pool.js';
import { runSlice } from './parallel.js';

/** Worker-thread entry of the engine: runs one slice of images through an integer graph. */
serveJobs(runSlice);
