// Small constants shared by the server's thread and the analysis worker (kept apart from work.ts,
// so that the server's thread does not load the ingest and analysis code).

/** The name a pasted text is known by in the brief and its problems. */
export const PASTED = 'pasted text';
/** Upload names that ingest can read; anything else is refused before it is stored. */
export const UPLOAD_EXTENSIONS = ['.html', '.htm', '.txt'];
