// Entry point of a pool worker thread (see pool.ts).
import { analyseArticle } from '../pipeline/article.js';
import { runWorker } from './serve.js';

runWorker(analyseArticle);
